import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { isUUID } from 'class-validator';
import { CurrentScope } from '../auth/decorators';
import { BadUserInput } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { isCalendarDay } from '../common/scalars/scalars';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { ProgressService } from './progress.service';
import type { ProgressFilterValues } from './progress.service';
import { progressWorkbook } from './progress-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type QueryValue = string | string[] | undefined;

/**
 * The progress workbook over HTTP: `GET /reports/sweeps/:id/progress.xlsx?bureauId=&categoryCodes=&from=&to=`
 * with the bearer token; the same figures and scope as the `sweepProgress` query.
 */
@Controller('reports/sweeps')
export class ProgressExportController {
  constructor(private readonly progressService: ProgressService) {}

  @Get(':id/progress.xlsx')
  async export(
    @Param('id') sweepId: string,
    @Query() query: Record<string, QueryValue>,
    @CurrentScope() scope: Scope,
    @Res() response: Response,
  ): Promise<void> {
    const filter = parseFilter(sweepId, query);
    const [progress, findings] = await withQueryPaths(() =>
      Promise.all([
        this.progressService.progress(sweepId, filter, scope),
        this.progressService.findingList(sweepId, filter, scope),
      ]),
    );
    const body = await progressWorkbook(progress, findings);
    const day = filter.to ?? shanghaiDay(progress.asOf);
    const fileName = `${progress.sweep.code}-progress-${day}.xlsx`;
    response
      .status(200)
      .set({
        'Content-Type': XLSX,
        'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(`${progress.sweep.code}-工作进展-${day}.xlsx`)}`,
        'Content-Length': String(body.length),
      })
      .end(body);
  }
}

/** The service names GraphQL paths (`filter.categoryCodes[0]`); here they are query parameters. */
async function withQueryPaths<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BadUserInput) {
      throw new BadUserInput(
        error.fields.map((field) => ({ ...field, path: field.path.replace(/^filter\./, '') })),
      );
    }
    throw error;
  }
}

function single(value: QueryValue): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Query parameters → ProgressFilter; every invalid one is reported as BAD_USER_INPUT (400). */
export function parseFilter(
  sweepId: string,
  query: Record<string, QueryValue>,
): ProgressFilterValues {
  const problems: FieldError[] = [];
  if (!isUUID(sweepId)) problems.push({ path: 'id', message: message('validation.isUuid') });
  const bureauId = single(query.bureauId);
  if (bureauId !== undefined && !isUUID(bureauId))
    problems.push({ path: 'bureauId', message: message('validation.isUuid') });
  for (const name of ['from', 'to'] as const) {
    const day = single(query[name]);
    if (day !== undefined && !isCalendarDay(day))
      problems.push({ path: name, message: message('scalar.date') });
  }
  if (problems.length) throw new BadUserInput(problems);
  const rawCodes = query.categoryCodes;
  const categoryCodes =
    rawCodes === undefined
      ? null
      : (Array.isArray(rawCodes) ? rawCodes : [rawCodes])
          .flatMap((value) => value.split(','))
          .map((code) => code.trim())
          .filter((code) => code.length > 0);
  return {
    bureauId: bureauId ?? null,
    categoryCodes,
    from: single(query.from) ?? null,
    to: single(query.to) ?? null,
  };
}
