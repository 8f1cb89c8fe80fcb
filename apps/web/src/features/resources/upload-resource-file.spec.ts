import { describe, expect, it } from 'vitest';
import { checkUpload } from './upload-resource-file';

const limits = { maxFileBytes: 1_000, quotaBytes: 5_000, usedBytes: 3_000, maxFilesPerResource: 20 };

describe('checkUpload', () => {
  it('accepts files within the limits', () => {
    expect(checkUpload({ size: 1_000 }, limits)).toBeNull();
    expect(checkUpload({ size: 500 }, limits, 1_500)).toBeNull();
  });

  it('refuses empty files, files over the size limit and files over the quota', () => {
    expect(checkUpload({ size: 0 }, limits)).toBe('file_empty');
    expect(checkUpload({ size: 1_001 }, limits)).toBe('file_too_large');
    expect(checkUpload({ size: 900 }, limits, 1_200)).toBe('quota_exceeded');
  });

  it('leaves the decision to the API while the limits are unknown', () => {
    expect(checkUpload({ size: 10_000_000 }, undefined)).toBeNull();
    expect(checkUpload({ size: 0 }, undefined)).toBe('file_empty');
  });
});
