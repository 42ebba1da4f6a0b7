/**
 * Which procedures end in a licence, and how its number is written.
 *
 * - Licence to publish non-commercial documents (giấy phép xuất bản tài liệu không kinh doanh),
 *   procedure 1.003868: Law on Publishing 2012, art. 25 (in 2008: Law on Publishing 2004 art. 22 and
 *   Decree 111/2005/NĐ-CP). It licenses one document and its print run; it has no end date.
 * - Licence to set up a general e-information site (giấy phép thiết lập trang thông tin điện tử
 *   tổng hợp): Decree 72/2013/NĐ-CP art. 23 as amended by Decree 27/2018/NĐ-CP, valid for the term
 *   asked for and at most 10 years.
 *
 * A number is `<sequence>/GP-<agency sign>`, counted from 1 each year per issuing agency (the sign
 * of administrative documents, Decree 30/2020/NĐ-CP appendix I, written here without the province).
 */
export const LICENCE_KINDS = ['publishing_noncommercial', 'e_information_site'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];
export const isLicenceKind = (value: string): value is LicenceKind => (LICENCE_KINDS as readonly string[]).includes(value);

/** Procedure code → the licence it ends with. */
const KIND_OF_PROCEDURE: Readonly<Record<string, LicenceKind>> = {
  '1.003868': 'publishing_noncommercial',
  'LC-TTDT-01': 'e_information_site',
};
export const licenceKindOf = (procedureCode: string): LicenceKind | undefined => KIND_OF_PROCEDURE[procedureCode];

export interface KindRule {
  /** The dossier field holding what the licence is for (document title, domain name). */
  readonly titleField: string;
  /** The dossier field holding the quantity (print run), if the licence states one. */
  readonly quantityField: string | null;
  /** Whether the licence carries an end date, and its longest term in years. */
  readonly validity: { readonly required: boolean; readonly maxYears: number } | null;
  /** Dossier fields copied onto the licence as its details. */
  readonly detailFields: readonly string[];
}

export const KIND_RULES: Readonly<Record<LicenceKind, KindRule>> = {
  publishing_noncommercial: {
    titleField: 'doc_title',
    quantityField: 'doc_copies',
    validity: null,
    detailFields: ['doc_author', 'doc_form', 'doc_pages', 'doc_size', 'doc_language', 'printer'],
  },
  e_information_site: {
    titleField: 'site_domain',
    quantityField: null,
    validity: { required: true, maxYears: 10 },
    detailFields: ['site_purpose', 'site_manager'],
  },
};

/** The sign of each issuing agency in licence numbers; other agencies use their code in capitals. */
const AGENCY_SIGNS: Readonly<Record<string, string>> = {
  'so-tttt-lao-cai': 'STTTT',
  'so-vhttdl-lao-cai': 'SVHTTDL',
  'so-khcn-lao-cai': 'SKHCN',
  'ubnd-lao-cai': 'UBND',
};
export const seriesOf = (agencyCode: string): string => `GP-${AGENCY_SIGNS[agencyCode] ?? agencyCode.toUpperCase()}`;
export const licenceNumber = (seq: number, series: string): string => `${String(seq).padStart(2, '0')}/${series}`;
