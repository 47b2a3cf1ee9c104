import { Controller, Get, Headers, Param, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import { languageOf } from '../common/messages/language';
import { message, render } from '../common/messages/message';
import { EvidenceService, MAX_UPLOAD_BYTES } from './evidence.service';

/**
 * Evidence files over plain HTTP (not GraphQL: the bytes of a photo do not belong in JSON).
 *
 * `PUT /evidence/{sha256}` with the raw bytes as the body (any Content-Type but
 * application/json) stores a JPEG, PNG, HEIC or PDF of at most 20 MiB, after the finding that
 * cites it was logged. Answers 201 when stored, 200 when it was already there (nothing changes),
 * 400 for a malformed hash or bytes of another hash, 404 when no finding visible to the caller
 * cites the hash, 413 when larger than 20 MiB, 415 when the bytes are no kind kept.
 *
 * `GET /evidence/{sha256}` serves it to officers who may see a citing finding.
 *
 * Errors (400, 404) are domain errors the exception filter answers in the caller's language.
 */
@Controller('evidence')
@Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
export class EvidenceController {
  constructor(private readonly service: EvidenceService) {}

  @Put(':sha256')
  async upload(
    @Param('sha256') sha256: string,
    @CurrentUser() officer: CurrentOfficer,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const length = request.headers['content-length'];
    const outcome = await this.service.upload(
      officer,
      sha256,
      request,
      length === undefined ? undefined : Number(length),
    );
    // Refusals of the bytes themselves are answers, not domain errors: said by key in the
    // caller's language, as the exception filter says the others.
    const language = languageOf(request.headers['accept-language']);
    if (outcome.kind === 'too-large') {
      response
        .status(413)
        .set('connection', 'close')
        .json({
          code: 'PAYLOAD_TOO_LARGE',
          message: render(message('evidence.tooLarge', { max: MAX_UPLOAD_BYTES }), language),
        });
    } else if (outcome.kind === 'unsupported') {
      response
        .status(415)
        .set('connection', 'close')
        .json({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: render(message('evidence.unsupportedMediaType'), language),
        });
    } else {
      const { file } = outcome;
      response.status(outcome.created ? 201 : 200).json({
        sha256: file.sha256,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        uploadedAt: file.uploadedAt.toISOString(),
      });
    }
  }

  @Get(':sha256')
  async download(
    @Param('sha256') sha256: string,
    @CurrentUser() officer: CurrentOfficer,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { file, open } = await this.service.download(officer, sha256);
    const etag = `"${file.sha256}"`;
    // private: never in a shared cache; no-cache: revalidate (a cheap 304) so access is rechecked.
    response.set({
      'cache-control': 'private, no-cache',
      etag,
      'x-content-type-options': 'nosniff',
    });
    if (ifNoneMatch?.split(/\s*,\s*/).includes(etag)) {
      response.status(304).end();
      return;
    }
    response.status(200).set({
      'content-type': file.mediaType,
      'content-length': String(file.sizeBytes),
      'content-disposition': 'inline',
    });
    await pipeline(open(), response);
  }
}
