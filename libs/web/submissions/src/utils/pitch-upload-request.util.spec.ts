import { describe, expect, it } from '@jest/globals';
import { isPitchUploadFailure, uploadFailureOf } from './pitch-upload-request.util';

describe('pitch-upload-request.util', () => {
  it('reads the reason and the file message from the API’s error answer', () => {
    const body = JSON.stringify({
      error: {
        code: 'BAD_USER_INPUT',
        reason: 'TYPE_NOT_ALLOWED',
        message: 'Not allowed.',
        fields: { file: 'Executable files can’t be shared here.' },
      },
    });
    expect(uploadFailureOf(415, body)).toEqual({
      status: 415,
      reason: 'TYPE_NOT_ALLOWED',
      message: 'Executable files can’t be shared here.',
      network: false,
      aborted: false,
    });
  });

  it('falls back to the error message, then to the status alone', () => {
    expect(
      uploadFailureOf(413, JSON.stringify({ error: { reason: 'FILE_TOO_LARGE', message: 'Too large.' } })),
    ).toMatchObject({ reason: 'FILE_TOO_LARGE', message: 'Too large.' });
    expect(uploadFailureOf(502, '<html>Bad gateway</html>')).toEqual({
      status: 502,
      reason: null,
      message: null,
      network: false,
      aborted: false,
    });
  });

  it('recognises its own failures', () => {
    expect(isPitchUploadFailure(uploadFailureOf(500, ''))).toBe(true);
    expect(isPitchUploadFailure(new Error('x'))).toBe(false);
  });
});
