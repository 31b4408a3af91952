/** The update reports kept in this browser (R27): the store the session worker saves every report into. */
import { browser } from '$app/environment';
import { createReportStore, type ReportStore, type UpdateReport } from '$lib/core/report/update-report';
import { idbReportRecords } from '$lib/platform/web/storage/idb-store';

class Reports {
  all = $state.raw<UpdateReport[]>([]);
  loaded = $state(false);
  #store: ReportStore | undefined;

  async load(): Promise<void> {
    if (!browser) return;
    this.all = await this.#db().list();
    this.loaded = true;
  }

  get(id: string): Promise<UpdateReport | undefined> {
    return this.#db().get(id);
  }

  #db(): ReportStore {
    return (this.#store ??= createReportStore(idbReportRecords()));
  }
}

export const reports = new Reports();
