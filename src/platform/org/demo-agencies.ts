/**
 * The demo's agencies over time. The ministry and department names, parents and duties change:
 * - Ministry of Information and Communications: from the Ministry of Posts and Telematics (Resolution 01/2007/QH12,
 *   31 July 2007) until its merger into the Ministry of Science and Technology (Resolution 176/2025/QH15, 1 March 2025).
 * - Provincial departments of information and communications: Decree 13/2008/NĐ-CP (4 February 2008). On 1 March 2025
 *   their posts, telecommunications and IT duties went to the departments of science and technology and their press
 *   and publishing duties to the departments of culture (Decree 45/2025/NĐ-CP).
 * - The province of Lào Cai (old code 10) merged with Yên Bái into the new Lào Cai (code 15) on 1 July 2025.
 * The founding date of Lào Cai's department is not in our sources; 2008-04-01 is used for the demo.
 */
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/dialect.ts';

export const DUTIES = ['posts', 'telecom', 'it', 'press', 'publishing', 'broadcasting', 'science', 'culture'] as const;
export type Duty = (typeof DUTIES)[number];

interface Version {
  name_vi: string;
  name_en: string;
  short_name?: string;
  parent?: string;
  unit?: { structure: 'pre2025' | '2025'; code: string };
  address?: string;
  phone?: string;
  email?: string;
  from: string;
  to?: string;
}

interface AgencySeed {
  code: string;
  kind: 'ministry' | 'province' | 'department';
  versions: Version[];
  duties: { duty: Duty; from: string; to?: string }[];
}

const OLD_LC = { structure: 'pre2025', code: '10' } as const;
const NEW_LC = { structure: '2025', code: '15' } as const;

export const DEMO_AGENCIES: readonly AgencySeed[] = [
  {
    code: 'bo-tttt',
    kind: 'ministry',
    versions: [{ name_vi: 'Bộ Thông tin và Truyền thông', name_en: 'Ministry of Information and Communications', short_name: 'Bộ TT&TT', from: '2007-08-01', to: '2025-02-28' }],
    duties: (['posts', 'telecom', 'it', 'press', 'publishing', 'broadcasting'] as const).map((duty) => ({ duty, from: '2007-08-01', to: '2025-02-28' })),
  },
  {
    code: 'bo-khcn',
    kind: 'ministry',
    versions: [{ name_vi: 'Bộ Khoa học và Công nghệ', name_en: 'Ministry of Science and Technology', short_name: 'Bộ KH&CN', from: '2002-08-05' }],
    duties: [
      { duty: 'science', from: '2002-08-05' },
      { duty: 'posts', from: '2025-03-01' },
      { duty: 'telecom', from: '2025-03-01' },
      { duty: 'it', from: '2025-03-01' },
    ],
  },
  {
    code: 'bo-vhttdl',
    kind: 'ministry',
    versions: [{ name_vi: 'Bộ Văn hóa, Thể thao và Du lịch', name_en: 'Ministry of Culture, Sports and Tourism', short_name: 'Bộ VHTTDL', from: '2007-08-01' }],
    duties: [
      { duty: 'culture', from: '2007-08-01' },
      { duty: 'press', from: '2025-03-01' },
      { duty: 'publishing', from: '2025-03-01' },
      { duty: 'broadcasting', from: '2025-03-01' },
    ],
  },
  {
    code: 'ubnd-lao-cai',
    kind: 'province',
    versions: [
      { name_vi: 'Ủy ban nhân dân tỉnh Lào Cai', name_en: "Lào Cai Provincial People's Committee", short_name: 'UBND tỉnh Lào Cai', unit: OLD_LC, from: '2008-01-01', to: '2025-06-30' },
      { name_vi: 'Ủy ban nhân dân tỉnh Lào Cai', name_en: "Lào Cai Provincial People's Committee", short_name: 'UBND tỉnh Lào Cai', unit: NEW_LC, from: '2025-07-01' },
    ],
    duties: [],
  },
  {
    code: 'so-tttt-lao-cai',
    kind: 'department',
    versions: [
      {
        name_vi: 'Sở Thông tin và Truyền thông tỉnh Lào Cai',
        name_en: 'Lào Cai Department of Information and Communications',
        short_name: 'Sở TT&TT Lào Cai',
        parent: 'ubnd-lao-cai',
        unit: OLD_LC,
        address: 'Thành phố Lào Cai, tỉnh Lào Cai (địa chỉ minh họa)',
        phone: '0214 3 000 000',
        email: 'sotttt@laocai.example.vn',
        from: '2008-04-01',
        to: '2025-02-28',
      },
    ],
    duties: (['posts', 'telecom', 'it', 'press', 'publishing', 'broadcasting'] as const).map((duty) => ({ duty, from: '2008-04-01', to: '2025-02-28' })),
  },
  {
    code: 'so-khcn-lao-cai',
    kind: 'department',
    versions: [
      { name_vi: 'Sở Khoa học và Công nghệ tỉnh Lào Cai', name_en: 'Lào Cai Department of Science and Technology', short_name: 'Sở KH&CN Lào Cai', parent: 'ubnd-lao-cai', unit: OLD_LC, from: '2008-01-01', to: '2025-06-30' },
      { name_vi: 'Sở Khoa học và Công nghệ tỉnh Lào Cai', name_en: 'Lào Cai Department of Science and Technology', short_name: 'Sở KH&CN Lào Cai', parent: 'ubnd-lao-cai', unit: NEW_LC, from: '2025-07-01' },
    ],
    duties: [
      { duty: 'science', from: '2008-01-01' },
      { duty: 'posts', from: '2025-03-01' },
      { duty: 'telecom', from: '2025-03-01' },
      { duty: 'it', from: '2025-03-01' },
    ],
  },
  {
    code: 'so-vhttdl-lao-cai',
    kind: 'department',
    versions: [
      { name_vi: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai', name_en: 'Lào Cai Department of Culture, Sports and Tourism', short_name: 'Sở VHTTDL Lào Cai', parent: 'ubnd-lao-cai', unit: OLD_LC, from: '2008-01-01', to: '2025-06-30' },
      { name_vi: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai', name_en: 'Lào Cai Department of Culture, Sports and Tourism', short_name: 'Sở VHTTDL Lào Cai', parent: 'ubnd-lao-cai', unit: NEW_LC, from: '2025-07-01' },
    ],
    duties: [
      { duty: 'culture', from: '2008-01-01' },
      { duty: 'press', from: '2025-03-01' },
      { duty: 'publishing', from: '2025-03-01' },
      { duty: 'broadcasting', from: '2025-03-01' },
    ],
  },
];

/** Inserts the demo agencies; returns their ids by code. */
export async function seedDemoAgencies(db: Db): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const at = nowIso();
  for (const a of DEMO_AGENCIES) {
    const row = await db.insertInto('agencies').values({ code: a.code, kind: a.kind, created_at: at }).returning('id').executeTakeFirstOrThrow();
    ids.set(a.code, row.id);
  }
  for (const a of DEMO_AGENCIES) {
    const agencyId = ids.get(a.code)!;
    for (const v of a.versions) {
      let unitId: number | null = null;
      if (v.unit !== undefined) {
        const u = await db
          .selectFrom('admin_units')
          .select('id')
          .where('structure', '=', v.unit.structure)
          .where('level', '=', 'province')
          .where('code', '=', v.unit.code)
          .executeTakeFirst();
        unitId = u?.id ?? null;
      }
      await db
        .insertInto('agency_versions')
        .values({
          agency_id: agencyId,
          name_vi: v.name_vi,
          name_en: v.name_en,
          short_name: v.short_name ?? null,
          parent_agency_id: v.parent === undefined ? null : (ids.get(v.parent) ?? null),
          admin_unit_id: unitId,
          address: v.address ?? null,
          phone: v.phone ?? null,
          email: v.email ?? null,
          valid_from: v.from,
          valid_to: v.to ?? null,
        })
        .execute();
    }
    for (const d of a.duties) {
      await db.insertInto('agency_duties').values({ agency_id: agencyId, duty: d.duty, valid_from: d.from, valid_to: d.to ?? null }).execute();
    }
  }
  return ids;
}
