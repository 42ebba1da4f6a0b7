/** Where reporters are managed: a staff area under /quan-tri/bao-cao-thong-ke (STAFF_PATH), kept here so that the other staff pages can link to it. */
export const REPORTERS_PATH = '/quan-tri/bao-cao-thong-ke/don-vi-bao-cao';
export const reporterAdminPath = (id: number): string => `${REPORTERS_PATH}/${id}`;
/** The list with the new-reporter form, its kind chosen (from a form's assignment page). */
export const newReporterPath = (kind: string): string => `${REPORTERS_PATH}?loai=${encodeURIComponent(kind)}#them-don-vi`;
