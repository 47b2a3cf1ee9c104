import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { isUUID } from 'class-validator';
import { Public } from '../auth/decorators';
import { NotFound } from '../common/errors/domain-errors';
import { languageOf } from '../common/messages/language';
import { planCsv } from './plan-export';
import { SelectionService } from './selection.service';

/**
 * 一公开: `GET /public/selection-plans/{id}.json` and `.csv`, without a token, for published plans
 * only (else 404): the results are public once published (国办发〔2015〕58号 二(四): 抽查情况及查处
 * 结果要及时公布), while an unpublished plan's list of premises would announce the visits.
 */
@Controller('public/selection-plans')
@Public()
export class PlanExportController {
  constructor(private readonly selection: SelectionService) {}

  @Get(':file')
  async export(
    @Param('file') file: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const match = /^(.+)\.(json|csv)$/.exec(file);
    if (!match || !isUUID(match[1])) throw new NotFound('InspectionPlan');
    const [, id, extension] = match;
    const exported = await this.selection.publicExport(id.toLowerCase());
    if (extension === 'json') {
      response
        .status(200)
        .set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' })
        .send(JSON.stringify(exported, null, 2));
      return;
    }
    response
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="selection-plan-${exported.plan.id}.csv"`,
        'Cache-Control': 'no-cache',
      })
      .send(planCsv(exported, languageOf(acceptLanguage)));
  }
}
