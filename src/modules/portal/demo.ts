import type { DemoSeeder } from '../../platform/seed/demo.ts';
import { nowIso } from '../../platform/db/dialect.ts';

/** The introduction pages a state agency portal publishes (Decree 42/2022/NĐ-CP, art. 5), with demo text. */
export const portalDemo: DemoSeeder = async ({ db, agencies }) => {
  const at = nowIso();
  const agencyId = agencies.get('so-tttt-lao-cai');
  if (agencyId === undefined) return;
  await db
    .insertInto('pages')
    .values([
      {
        slug: 'chuc-nang-nhiem-vu',
        title_vi: 'Chức năng, nhiệm vụ',
        title_en: 'Functions and duties',
        body_vi:
          '<p>Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí; xuất bản; bưu chính; viễn thông; tần số vô tuyến điện; công nghệ thông tin, điện tử; phát thanh và truyền hình; thông tin đối ngoại; hạ tầng thông tin truyền thông; quảng cáo trên báo chí, trên môi trường mạng, trên xuất bản phẩm.</p>',
        body_en:
          "<p>The Department of Information and Communications is a specialised agency of the Provincial People's Committee. It advises and assists the Committee in the state management of the press; publishing; posts; telecommunications; radio frequencies; information technology and electronics; radio and television; external information; information and communications infrastructure; and advertising in the press, online and in publications.</p>",
        sort_order: 1,
        updated_at: at,
      },
      {
        slug: 'co-cau-to-chuc',
        title_vi: 'Cơ cấu tổ chức',
        title_en: 'Organisation chart',
        body_vi:
          '<ul><li>Ban Giám đốc Sở</li><li>Văn phòng Sở</li><li>Thanh tra Sở</li><li>Phòng Bưu chính, Viễn thông</li><li>Phòng Công nghệ thông tin</li><li>Phòng Báo chí, Xuất bản</li><li>Trung tâm Công nghệ thông tin và Truyền thông</li></ul>',
        body_en:
          "<ul><li>Board of directors</li><li>Department office</li><li>Department inspectorate</li><li>Posts and telecommunications division</li><li>Information technology division</li><li>Press and publishing division</li><li>Information and communications technology centre</li></ul>",
        sort_order: 2,
        updated_at: at,
      },
    ])
    .execute();
  await db
    .insertInto('people')
    .values([
      { agency_id: agencyId, full_name: 'Tô Trọng Tôn', position_vi: 'Giám đốc Sở', position_en: 'Director', duties_vi: 'Phụ trách chung', duties_en: 'General direction', phone: '0214 3 000 001', email: 'giamdoc@laocai.example.vn', is_leader: 1, sort_order: 1 },
    ])
    .execute();
  await db
    .insertInto('directory_entries')
    .values([
      { agency_id: agencyId, unit_vi: 'Văn phòng Sở', unit_en: 'Department office', person: null, position_vi: null, position_en: null, phone: '0214 3 000 010', email: 'vanphong@laocai.example.vn', sort_order: 1 },
    ])
    .execute();
};
