// Partner pitches in a real browser: a partner organisation (no account) pitches an idea in Arabic
// with an attachment; the convenor triages it on the board, writes an internal note and messages
// the partner; the partner replies through the private link in their email (never seeing the
// note); the convenor accepts the pitch, and a member of the group finds the new discussion.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pdf } from '@convene/server-testing';
import { BrowserSession, mailedPath, seriousA11yViolations } from './browser.js';

describe('pitches', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('a partner pitches in Arabic with a file; the convenor notes, messages and accepts it after the partner replies; a member sees the discussion', async () => {
    const stamp = Date.now().toString(36);
    const title = `عيادة قانونية للقادمين الجدد ${stamp}`;
    const email = `salma-${stamp}@example.net`;
    const note = `Check with the legal clinic first ${stamp}`;
    const question = `Which towns would the clinic visit? ${stamp}`;
    const reply = `سنبدأ في ليدز وبرادفورد ${stamp}`;

    // The partner, signed out, switches the public form to Arabic.
    const partner = await session.newPage();
    await partner.goto('/pitch/pitch-an-idea');
    await partner.getByRole('heading', { name: 'Pitch us an idea', level: 1 }).waitFor();
    await partner.getByRole('button', { name: 'العربية' }).click();
    await partner.getByRole('group', { name: 'منظمتك' }).waitFor();
    expect(await partner.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    // The form's own texts in Arabic, as its organisers wrote them.
    await partner.getByRole('heading', { name: 'اقترح علينا فكرة', level: 1 }).waitFor();
    expect(await partner.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('ar');

    await partner.getByLabel(/^اسم منظمتك/).fill('جمعية الأمل');
    await partner.getByRole('radio', { name: 'منظمة مجتمعية' }).check();
    await partner.getByLabel(/^اسمك/).fill('سلمى حداد');
    await partner.getByLabel(/^بريدك الإلكتروني/).fill(email);
    await partner.getByLabel(/^عنوان لفكرتك/).fill(title);
    await partner
      .getByLabel(/^عمَّ تدور الفكرة؟/)
      .fill('يصل لاجئون جدد إلى المدينة كل أسبوع ولا يعرفون أين يجدون مشورة قانونية مجانية.');
    await partner.getByLabel(/^ما المساعدة التي تودّونها من الشبكة؟/).fill('محامون متطوعون ومساعدة في الترجمة.');
    await partner.getByRole('checkbox', { name: 'Health and Social Care' }).check();
    await partner.getByLabel(/^أين يقع مقرّ عملكم؟/).fill('Leeds');
    await partner.getByRole('radio', { name: 'مخطط لها' }).check();
    await partner.getByText('نستخدم بياناتكم فقط لمناقشة مقترحكم معكم').waitFor();
    await partner
      .getByLabel('ملفات للإرفاق')
      .setInputFiles({ name: 'clinic-plan.pdf', mimeType: 'application/pdf', buffer: pdf('Legal clinic plan') });
    await partner.locator('li[data-upload-status="done"]', { hasText: 'clinic-plan.pdf' }).waitFor();
    await partner.getByRole('checkbox', { name: 'أوافق على ذلك' }).check();
    expect(await seriousA11yViolations(partner)).toEqual([]);
    await partner.getByRole('button', { name: 'أرسل مقترحي' }).click();
    await partner.getByRole('status').filter({ hasText: 'شكرًا لك' }).waitFor();

    const received = await session.waitForMail((mail) => mail.to === email && /\/pitches\//.test(mail.text));
    const link = mailedPath(received, 'pitches');

    // The convenor of Health and Social Care finds it on the board and opens it.
    const convenor = await session.newPage();
    await session.signIn(convenor, 'admin@example.org');
    await convenor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pitches' }).click();
    const receivedColumn = convenor.getByRole('region', { name: 'Received' });
    await receivedColumn.getByRole('link', { name: new RegExp(title) }).click();
    await convenor.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await convenor.getByRole('link', { name: 'clinic-plan.pdf' }).count()).toBe(1);
    await convenor.getByText('Leeds').waitFor();
    // The Arabic choice is kept as the form's own choice.
    await convenor.getByText('Planned', { exact: true }).waitFor();

    // An internal note, then a message to the partner.
    const notes = convenor.getByRole('region', { name: 'Internal notes' });
    await notes.getByText('Only convenors see this').waitFor();
    await notes.getByLabel('Add a note').fill(note);
    await notes.getByRole('button', { name: 'Save note' }).click();
    await notes.getByText(note).waitFor();
    const conversation = convenor.getByRole('region', { name: 'Conversation with the partner' });
    await conversation.getByLabel('Message the partner').fill(question);
    await conversation.getByRole('button', { name: 'Send to the partner' }).click();
    await conversation.getByRole('listitem').filter({ hasText: question }).waitFor();

    // The partner opens the private link from the mail, sees the message (never the note) and replies.
    await session.waitForMail((mail) => mail.to === email && mail.text.includes(question));
    await partner.goto(link);
    await partner.getByRole('heading', { name: 'مقترحك', level: 1 }).waitFor();
    await partner.getByText(title).waitFor();
    const messages = partner.getByRole('region', { name: 'المحادثة' });
    await messages.getByRole('listitem').filter({ hasText: question }).filter({ hasText: 'المنسّقون' }).waitFor();
    expect(await partner.getByRole('link', { name: 'clinic-plan.pdf' }).count()).toBe(1);
    expect(await partner.content()).not.toContain(note);
    await messages.getByLabel('أضف معلومات أو ردّ').fill(reply);
    await messages.getByRole('button', { name: 'إرسال' }).click();
    await messages.getByRole('listitem').filter({ hasText: reply }).filter({ hasText: 'أنت' }).waitFor();
    expect(await partner.content()).not.toContain(note);

    // The convenor sees the reply and accepts the pitch into Health and Social Care.
    await convenor.reload();
    // The Arabic name keeps its own direction inside the English sentence: it is isolated.
    await conversation
      .getByRole('listitem')
      .filter({ hasText: reply })
      .filter({ hasText: '\u2068سلمى حداد\u2069 (partner)' })
      .waitFor();
    await convenor.getByRole('button', { name: 'Accept into a group…' }).click();
    const dialog = convenor.getByRole('dialog', { name: 'Accept this pitch' });
    await dialog.getByLabel('Group', { exact: true }).selectOption({ label: 'Health and Social Care' });
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    const discussion = convenor.getByRole('link', { name: 'Open the discussion' });
    await discussion.waitFor();
    await convenor.getByText('Accepted into Health and Social Care').waitFor();
    const threadPath = await discussion.getAttribute('href');
    expect(threadPath).toMatch(/^\/threads\//);

    // The partner's page says it was accepted and takes no more replies.
    await partner.reload();
    await partner.getByRole('status').filter({ hasText: 'مقبول' }).waitFor();
    expect(await partner.getByLabel('أضف معلومات أو ردّ').count()).toBe(0);

    // A member of the group finds the new discussion with the pitch's title.
    const member = await session.newPage();
    await session.signIn(member, 'member@example.org');
    await member.goto('/groups/health-and-social-care');
    const thread = member.getByRole('link', { name: title });
    await thread.waitFor();
    await thread.click();
    await member.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(new URL(member.url()).pathname).toBe(threadPath);
  });

  it('an organiser gives a form its texts in Arabic; a partner reading in Arabic sees them, in English the form’s own', async () => {
    const admin = await session.newPage();
    await session.signIn(admin, 'admin@example.org');
    await admin.goto('/pitch-forms');
    await admin.getByRole('link', { name: 'Edit: Propose a workshop for the summit' }).click();
    const languages = admin.getByRole('region', { name: 'Languages' });
    await languages.waitFor();
    const arabic = languages.getByRole('group', { name: 'In \u2068العربية\u2069' });
    await arabic.getByLabel('Title', { exact: true }).fill('اقترح ورشة عمل للقمة');
    await arabic.getByLabel('Question 1').fill('صف الشكل (محاضرة، نقاش، تدريب…)');
    expect(await arabic.getByLabel('Title', { exact: true }).getAttribute('lang')).toBe('ar');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Save form' }).click();
    await admin.waitForURL((url) => url.pathname === '/pitch-forms');

    const partner = await session.newPage();
    await partner.goto('/pitch/summit-workshops');
    await partner.getByRole('heading', { name: 'Propose a workshop for the summit', level: 1 }).waitFor();
    await partner.getByRole('button', { name: 'العربية' }).click();
    await partner.getByRole('heading', { name: 'اقترح ورشة عمل للقمة', level: 1 }).waitFor();
    await partner.getByLabel(/^صف الشكل/).waitFor();
    // What was left empty falls back to the form's own words.
    await partner.getByText('Propose a one-hour workshop for the afternoon of the summit.').waitFor();
    expect(
      await partner.getByText('Propose a one-hour workshop for the afternoon of the summit.').getAttribute('lang'),
    ).toBe('en');
  });
});
