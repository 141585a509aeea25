import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The worker is served from our own origin, which the page's Content-Security-Policy allows.
GlobalWorkerOptions.workerSrc = workerUrl;

const FIRST_PAGES = 3;
const MORE_PAGES = 5;

/** The first pages of a PDF drawn on canvases, with more on request. */
export function PdfPreview({ url }: { url: string }) {
  const { t } = useTranslation('documents');
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState(FIRST_PAGES);

  useEffect(() => {
    const task = getDocument({ url, withCredentials: true });
    let cancelled = false;
    task.promise.then(
      (loaded) => {
        if (!cancelled) setPdf(loaded);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      setPdf(null);
      void task.destroy();
    };
  }, [url]);

  if (failed) {
    return (
      <Alert color="yellow" variant="light">
        {t('doc.pdfFailed')}
      </Alert>
    );
  }
  if (!pdf) {
    return (
      <Group justify="center" py="xl">
        <Loader size="sm" />
      </Group>
    );
  }
  const count = Math.min(shown, pdf.numPages);
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        {t('doc.pdfPages', { count: pdf.numPages })}
      </Text>
      {Array.from({ length: count }, (_, index) => (
        <PdfPage key={index + 1} pdf={pdf} number={index + 1} />
      ))}
      {count < pdf.numPages && (
        <Group justify="center">
          <Button variant="default" onClick={() => setShown(shown + MORE_PAGES)}>
            {t('doc.showMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function PdfPage({ pdf, number }: { pdf: PDFDocumentProxy; number: number }) {
  const { t } = useTranslation('documents');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    void pdf.getPage(number).then((page) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const viewport = page.getViewport({ scale: 1.4 * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      const task = page.render({ canvas, viewport });
      cancelRender = () => task.cancel();
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, number]);
  return <canvas ref={canvasRef} className="convene-pdf-page" role="img" aria-label={t('doc.page', { number })} />;
}
