import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { S3Config } from '../../config/env.js';
import { assertValidKey, StorageObjectMissing, type ObjectStorage } from './object-storage.js';

/** Multipart part size: S3's minimum; the stream is buffered one part at a time per upload. */
const PART_SIZE = 5 * 1024 * 1024;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage…). Streams of unknown length
 * go through lib-storage's `Upload`: one PutObject for small bodies, a multipart upload
 * otherwise, aborted when the body fails, so a failed upload never becomes an object.
 * Creates nothing at run time except through `ensureBucket()`.
 */
export class S3ObjectStorage implements ObjectStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: Pick<S3Config, 'endpoint' | 'region' | 'bucket' | 'accessKeyId' | 'secretAccessKey' | 'forcePathStyle'>) {
    if (!config.bucket) throw new Error('S3 storage needs a bucket (S3_BUCKET).');
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined, // the SDK's default chain (environment, instance role…)
      // Checksums only where S3 requires them: many S3-compatible stores reject the SDK's
      // default streaming checksum trailers (aws-chunked encoding).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable, options: { contentType: string }): Promise<{ size: number }> {
    assertValidKey(key);
    let size = 0;
    let bodyError: unknown;
    async function* counted(): AsyncGenerator<Buffer> {
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          size += chunk.length;
          yield chunk;
        }
      } catch (error) {
        bodyError = error;
        throw error;
      }
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: Readable.from(counted()), ContentType: options.contentType },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      body.destroy();
      // When the body failed, that is the cause, even if aborting the multipart upload failed
      // too (the parts are then left for the bucket's lifecycle rule; see ADR 0006).
      if (bodyError !== undefined && bodyError !== error) {
        if (bodyError instanceof Error && bodyError.cause === undefined) bodyError.cause = error;
        throw bodyError;
      }
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(output.Body instanceof Readable)) throw new Error('S3 returned no readable body.');
      return output.Body;
    } catch (error) {
      if (isNotFound(error)) throw new StorageObjectMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw error; // S3 answers 204 either way; some stores say 404
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    assertValidKey(prefix);
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${prefix}/`, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Creates the bucket when it does not exist (tests, and start-up with S3_CREATE_BUCKET=true). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const name = (error as Error).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
  }

  /** Closes the client's sockets (shutdown, tests). */
  close(): void {
    this.client.destroy();
  }
}

/** A missing object (404). A missing bucket on GET (`NoSuchBucket`) is a misconfiguration, not a
 *  missing object, and stays an error; HEAD answers carry no body, so they cannot tell the two apart. */
function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException) || error.name === 'NoSuchBucket') return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}
