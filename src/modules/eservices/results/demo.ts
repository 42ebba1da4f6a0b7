/**
 * Demo licences: the 22 licences to publish non-commercial documents that the Lào Cai department
 * of information and communications issued in 2008 (the department's report of the ministry's
 * visit, /work/shared/seed/lao-cai-2008-mic-visit.txt: "Sở đã cấp 22 giấy phép xuất bản tài liệu
 * không kinh doanh"). The count is real; titles, holders, dates and print runs are illustrative and
 * every page and PDF showing them says so.
 */
import type { DemoSeeder } from '../../../platform/seed/demo.ts';
import { insertLicence } from './issue-licence.ts';

type Demo = readonly [issuedOn: string, holder: string, title: string, form: 'print' | 'electronic', pages: number, copies: number];

const ISSUER = 'so-tttt-lao-cai';
const PROVINCE = 'tỉnh Lào Cai';

export const DEMO_LICENCES_2008: readonly Demo[] = [
  ['2008-04-15', 'Sở Nông nghiệp và Phát triển nông thôn', 'Bản tin Nông nghiệp và Phát triển nông thôn Lào Cai', 'print', 16, 500],
  ['2008-04-28', 'Hội Liên hiệp Phụ nữ tỉnh', 'Bản tin Phụ nữ Lào Cai', 'print', 12, 1000],
  ['2008-05-09', 'Tỉnh đoàn Lào Cai', 'Bản tin Tuổi trẻ Lào Cai', 'print', 16, 800],
  ['2008-05-20', 'Sở Y tế', 'Tài liệu tuyên truyền phòng, chống HIV/AIDS', 'print', 24, 2000],
  ['2008-06-03', 'Ban Dân tộc tỉnh', 'Sổ tay công tác dân tộc vùng cao', 'print', 60, 600],
  ['2008-06-17', 'Hội Nông dân tỉnh', 'Bản tin Nông dân Lào Cai', 'print', 12, 1500],
  ['2008-07-01', 'Sở Tư pháp', 'Bản tin Tư pháp Lào Cai', 'print', 20, 400],
  ['2008-07-15', 'Liên đoàn Lao động tỉnh', 'Bản tin Công đoàn Lào Cai', 'print', 16, 700],
  ['2008-07-29', 'Sở Giáo dục và Đào tạo', 'Tài liệu giáo dục địa phương tỉnh Lào Cai', 'print', 80, 1200],
  ['2008-08-12', 'Sở Văn hóa, Thể thao và Du lịch', 'Cẩm nang du lịch Sa Pa – Bắc Hà', 'print', 48, 3000],
  ['2008-08-26', 'Bộ Chỉ huy Quân sự tỉnh', 'Bản tin Quốc phòng địa phương', 'print', 16, 300],
  ['2008-09-09', 'Sở Tài nguyên và Môi trường', 'Tài liệu hỏi đáp Luật Đất đai', 'print', 40, 1000],
  ['2008-09-23', 'Hội Cựu chiến binh tỉnh', 'Bản tin Cựu chiến binh Lào Cai', 'print', 12, 600],
  ['2008-10-07', 'Sở Công Thương', 'Danh bạ doanh nghiệp xuất nhập khẩu qua cửa khẩu Lào Cai', 'print', 120, 500],
  ['2008-10-14', 'Ban Tuyên giáo Tỉnh ủy', 'Tài liệu sinh hoạt chi bộ', 'print', 32, 2500],
  ['2008-10-28', 'Sở Khoa học và Công nghệ', 'Bản tin Khoa học và Công nghệ Lào Cai', 'print', 24, 500],
  ['2008-11-04', 'Hội Chữ thập đỏ tỉnh', 'Tài liệu hướng dẫn sơ cấp cứu ban đầu', 'print', 36, 1000],
  ['2008-11-18', 'Sở Kế hoạch và Đầu tư', 'Kỷ yếu Hội nghị xúc tiến đầu tư tỉnh Lào Cai', 'print', 96, 800],
  ['2008-11-25', 'Công an tỉnh', 'Tài liệu tuyên truyền an toàn giao thông', 'print', 20, 3000],
  ['2008-12-02', 'Sở Thông tin và Truyền thông', 'Đĩa CD giới thiệu tiềm năng tỉnh Lào Cai', 'electronic', 1, 500],
  ['2008-12-16', 'Ủy ban Mặt trận Tổ quốc tỉnh', 'Bản tin Mặt trận Lào Cai', 'print', 12, 800],
  ['2008-12-26', 'Cục Thống kê tỉnh', 'Niên giám thống kê tóm tắt tỉnh Lào Cai 2008', 'print', 150, 400],
];

export const licencesDemo: DemoSeeder = async ({ db, agencies }) => {
  const agencyId = agencies.get(ISSUER);
  const procedure = await db.selectFrom('procedures').select('id').where('code', '=', '1.003868').executeTakeFirst();
  if (agencyId === undefined || procedure === undefined) return;
  for (const [issuedOn, holder, title, form, pages, copies] of DEMO_LICENCES_2008) {
    await insertLicence(db, ISSUER, {
      agencyId,
      procedureId: procedure.id,
      dossierId: null,
      kind: 'publishing_noncommercial',
      issuedOn,
      holderName: `${holder} ${PROVINCE}`,
      holderAddress: 'Thành phố Lào Cai, tỉnh Lào Cai',
      title,
      quantity: copies,
      details: form === 'print' ? { doc_form: form, doc_pages: String(pages), doc_language: 'Tiếng Việt' } : { doc_form: form, doc_language: 'Tiếng Việt' },
      validUntil: null,
      signerName: 'Lãnh đạo Sở (dữ liệu minh họa)',
      signerTitle: 'Giám đốc',
      illustrative: true,
      issuedBy: null,
    });
  }
};
