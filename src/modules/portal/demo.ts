/**
 * The introduction pages a state agency portal publishes (Decree 42/2022/NĐ-CP, art. 5: the
 * agency's functions and duties, organisation chart, leaders and contacts), for the Lào Cai
 * department of information and communications as it stood in 2008. Its duties come from the
 * organisation model (agency_duties). Names other than the director's, and every phone number and
 * email address, are illustrative: numbers follow the 0214 3 000 0xx pattern, emails are @laocai.example.vn.
 */
import type { DemoSeeder } from '../../platform/seed/demo.ts';
import { nowIso } from '../../platform/db/dialect.ts';
import { directorySearchText } from './intro-queries.ts';

const ILLUSTRATIVE_VI = 'Họ tên cán bộ (trừ Giám đốc), số điện thoại và địa chỉ thư điện tử trong bản demo là minh họa.';
const ILLUSTRATIVE_EN = 'Staff names (except the director’s), phone numbers and email addresses in the demo are illustrative.';

const PAGES = [
  {
    slug: 'chuc-nang-nhiem-vu',
    title_vi: 'Chức năng, nhiệm vụ',
    title_en: 'Functions and duties',
    body_vi:
      'Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí; xuất bản; bưu chính; viễn thông; tần số vô tuyến điện; công nghệ thông tin, điện tử; phát thanh và truyền hình; cơ sở hạ tầng thông tin và truyền thông; quảng cáo trên báo chí, trên mạng thông tin máy tính và trên xuất bản phẩm; và các dịch vụ công thuộc ngành (Nghị định 13/2008/NĐ-CP).\n\nSở có tư cách pháp nhân, con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, biên chế và công tác của Ủy ban nhân dân tỉnh, đồng thời chịu sự chỉ đạo, hướng dẫn, kiểm tra về chuyên môn, nghiệp vụ của Bộ Thông tin và Truyền thông.',
    body_en:
      "The Department of Information and Communications is a specialised agency of the Provincial People's Committee. It advises and assists the Committee in the state management of the press; publishing; posts; telecommunications; radio frequencies; information technology and electronics; radio and television; information and communications infrastructure; advertising in the press, on computer networks and in publications; and the sector's public services (Decree 13/2008/NĐ-CP).\n\nThe department has legal personality, its own seal and accounts. The Provincial People's Committee directs its organisation, staffing and work; the Ministry of Information and Communications directs, guides and inspects its professional work.",
  },
  {
    slug: 'co-cau-to-chuc',
    title_vi: 'Cơ cấu tổ chức',
    title_en: 'Organisation chart',
    body_vi: 'Cơ cấu tổ chức của Sở gồm Ban Giám đốc, các phòng chuyên môn, nghiệp vụ và đơn vị sự nghiệp trực thuộc.',
    body_en: 'The department consists of its board of directors, its specialised divisions and an attached public service unit.',
  },
  {
    slug: 'lanh-dao',
    title_vi: 'Lãnh đạo Sở',
    title_en: 'Leadership',
    body_vi: `Lãnh đạo Sở và lĩnh vực phụ trách. ${ILLUSTRATIVE_VI}`,
    body_en: `The department's leaders and their responsibilities. ${ILLUSTRATIVE_EN}`,
  },
  {
    slug: 'danh-ba',
    title_vi: 'Danh bạ điện thoại',
    title_en: 'Contact directory',
    body_vi: `Điện thoại và thư điện tử của các phòng, đơn vị. ${ILLUSTRATIVE_VI}`,
    body_en: `Phone numbers and email addresses of the divisions and units. ${ILLUSTRATIVE_EN}`,
  },
  {
    slug: 'lien-he',
    title_vi: 'Liên hệ',
    title_en: 'Contact',
    body_vi: 'Tổ chức, công dân liên hệ với Sở trong giờ hành chính các ngày làm việc. Hồ sơ thủ tục hành chính nộp trực tuyến tại mục Thủ tục hành chính của cổng.',
    body_en: 'Organisations and citizens may contact the department during office hours on working days. Applications for administrative procedures can be filed online in the portal’s procedures section.',
  },
] as const;

// [name vi, name en, children]
type UnitSeed = readonly [string, string, readonly UnitSeed[]];
const UNITS: readonly UnitSeed[] = [
  ['Ban Giám đốc Sở', 'Board of directors', []],
  [
    'Các phòng chuyên môn, nghiệp vụ',
    'Specialised divisions',
    [
      ['Văn phòng Sở', 'Department office', []],
      ['Thanh tra Sở', 'Department inspectorate', []],
      ['Phòng Bưu chính, Viễn thông', 'Posts and telecommunications division', []],
      ['Phòng Công nghệ thông tin', 'Information technology division', []],
      ['Phòng Báo chí, Xuất bản', 'Press and publishing division', []],
    ],
  ],
  ['Đơn vị sự nghiệp', 'Public service units', [['Trung tâm Công nghệ thông tin và Truyền thông', 'Information and communications technology centre', []]]],
];

const LEADERS = [
  { full_name: 'Tô Trọng Tôn', position_vi: 'Giám đốc Sở', position_en: 'Director', duties_vi: 'Phụ trách chung; tổ chức cán bộ, tài chính; thanh tra', duties_en: 'General direction; staff and finance; inspection', phone: '0214 3 000 001', email: 'giamdoc@laocai.example.vn' },
  { full_name: 'Nguyễn Văn Minh Họa', position_vi: 'Phó Giám đốc Sở', position_en: 'Deputy Director', duties_vi: 'Bưu chính, viễn thông, công nghệ thông tin', duties_en: 'Posts, telecommunications, information technology', phone: '0214 3 000 002', email: 'pgd.bcvt@laocai.example.vn' },
  { full_name: 'Trần Thị Ví Dụ', position_vi: 'Phó Giám đốc Sở', position_en: 'Deputy Director', duties_vi: 'Báo chí, xuất bản, thông tin đối ngoại', duties_en: 'Press, publishing, external information', phone: '0214 3 000 003', email: 'pgd.bcxb@laocai.example.vn' },
] as const;

const DIRECTORY = [
  ['Văn phòng Sở', 'Department office', null, null, null, '0214 3 000 010', 'vanphong@laocai.example.vn'],
  ['Văn phòng Sở', 'Department office', 'Lê Văn Thử', 'Chánh Văn phòng', 'Head of office', '0214 3 000 011', 'chanhvanphong@laocai.example.vn'],
  ['Thanh tra Sở', 'Department inspectorate', null, null, null, '0214 3 000 020', 'thanhtra@laocai.example.vn'],
  ['Phòng Bưu chính, Viễn thông', 'Posts and telecommunications division', null, null, null, '0214 3 000 030', 'bcvt@laocai.example.vn'],
  ['Phòng Công nghệ thông tin', 'Information technology division', null, null, null, '0214 3 000 040', 'cntt@laocai.example.vn'],
  ['Phòng Báo chí, Xuất bản', 'Press and publishing division', null, null, null, '0214 3 000 050', 'bcxb@laocai.example.vn'],
  ['Trung tâm Công nghệ thông tin và Truyền thông', 'Information and communications technology centre', null, null, null, '0214 3 000 060', 'trungtam@laocai.example.vn'],
] as const;

export const portalDemo: DemoSeeder = async ({ db, agencies }) => {
  const at = nowIso();
  const agencyId = agencies.get('so-tttt-lao-cai');
  if (agencyId === undefined) return;
  await db
    .insertInto('pages')
    .values(PAGES.map((p, i) => ({ ...p, sort_order: i + 1, updated_at: at, agency_id: agencyId })))
    .execute();

  const insertUnits = async (units: readonly UnitSeed[], parentId: number | null): Promise<void> => {
    for (const [i, [nameVi, nameEn, children]] of units.entries()) {
      const { id } = await db.insertInto('org_units').values({ agency_id: agencyId, parent_id: parentId, name_vi: nameVi, name_en: nameEn, sort_order: i + 1 }).returning('id').executeTakeFirstOrThrow();
      await insertUnits(children, id);
    }
  };
  await insertUnits(UNITS, null);

  await db
    .insertInto('people')
    .values(LEADERS.map((p, i) => ({ ...p, agency_id: agencyId, is_leader: 1, sort_order: i + 1, portrait_url: null })))
    .execute();

  await db
    .insertInto('directory_entries')
    .values(
      DIRECTORY.map(([unit_vi, unit_en, person, position_vi, position_en, phone, email], i) => {
        const entry = { unit_vi, unit_en, person, position_vi, position_en, phone, email };
        return { ...entry, agency_id: agencyId, sort_order: i + 1, search_text: directorySearchText(entry) };
      }),
    )
    .execute();
};
