/**
 * The demo catalogue: procedures of the department's sectors as a province publishes them.
 * Procedure 1.003868 follows its record on the national portal (dichvucong.gov.vn: 10 working days;
 * content-appraisal fee by the page or minute, Circular 214/2016/TT-BTC; Decree 138/2025/NĐ-CP forms).
 * The other procedures' times and fees come from the laws named in their legal basis and must be
 * checked against the province's publication decision before real use; see CONTEXT.md.
 */
import type { FormDefinition, Text2 } from './form-definition.ts';

export interface DemoProcedure {
  readonly code: string;
  readonly nationalCode: string | null;
  readonly name: Text2;
  readonly field: 'publishing' | 'press' | 'online_information' | 'posts';
  readonly applicants: Text2;
  readonly steps: Text2;
  readonly processingDays: number;
  readonly result: Text2;
  readonly legalBasis: string;
  readonly onlineAvailable: boolean;
  readonly agencies: readonly { agency: string; role: 'receiving' | 'deciding'; from: string; to?: string }[];
  readonly levels: readonly { scheme: 'decree43_2011' | 'decree42_2022'; level: string; from: string; to?: string }[];
  readonly fees: readonly { label: Text2; amount: number; unit: Text2; legalBasis: string }[];
  readonly components: readonly { code: string; name: Text2; copies: Text2; required: boolean }[];
  readonly form: FormDefinition;
}

const ORGANISATION_SECTION = {
  title: { vi: 'Tổ chức đề nghị', en: 'Applying organisation' },
  fields: [
    { name: 'org_name', type: 'text', label: { vi: 'Tên cơ quan, tổ chức', en: 'Name of the organisation' }, required: true, max: 300 },
    { name: 'org_address', type: 'text', label: { vi: 'Địa chỉ trụ sở', en: 'Head office address' }, required: true, max: 300 },
    { name: 'org_phone', type: 'tel', label: { vi: 'Điện thoại của tổ chức', en: "Organisation's phone" }, required: true, max: 20 },
    {
      name: 'org_document',
      type: 'text',
      label: { vi: 'Số quyết định thành lập / giấy chứng nhận đăng ký', en: 'Establishing decision / registration certificate no.' },
      required: true,
      max: 200,
    },
  ],
} as const;

const VHTTDL_FROM = '2025-03-01';
const TTTT_TO = '2025-02-28';

export const DEMO_PROCEDURES: readonly DemoProcedure[] = [
  {
    code: '1.003868',
    nationalCode: '1.003868',
    name: { vi: 'Cấp giấy phép xuất bản tài liệu không kinh doanh', en: 'Licence to publish non-commercial documents' },
    field: 'publishing',
    applicants: {
      vi: 'Cơ quan, tổ chức ở địa phương; chi nhánh, văn phòng đại diện tại địa phương của cơ quan, tổ chức ở trung ương',
      en: 'Local agencies and organisations; local branches and representative offices of central agencies and organisations',
    },
    steps: {
      vi: 'Nộp 01 bộ hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến. Trong 10 ngày làm việc kể từ khi nhận đủ hồ sơ, Sở thẩm định và cấp giấy phép (thẩm quyền của Ủy ban nhân dân tỉnh, do Sở thực hiện); đóng dấu vào 02 bản thảo, lưu 01 bản và trả 01 bản cho tổ chức. Hồ sơ chưa đúng quy định được thông báo hoàn thiện trong 02 ngày làm việc.',
      en: "Send one set of documents in person, by post or online. Within 10 working days of receiving a complete dossier the department appraises it and grants the licence (a competence of the Provincial People's Committee, exercised by the department); two drafts are stamped, one kept and one returned. An incomplete dossier is reported within 2 working days.",
    },
    processingDays: 10,
    result: { vi: 'Giấy phép xuất bản tài liệu không kinh doanh', en: 'Licence to publish non-commercial documents' },
    legalBasis: 'Luật Xuất bản số 19/2012/QH13; Nghị định số 138/2025/NĐ-CP; Thông tư số 214/2016/TT-BTC',
    onlineAvailable: true,
    agencies: [
      { agency: 'so-tttt-lao-cai', role: 'receiving', from: '2008-04-01', to: TTTT_TO },
      { agency: 'so-tttt-lao-cai', role: 'deciding', from: '2008-04-01', to: TTTT_TO },
      { agency: 'so-vhttdl-lao-cai', role: 'receiving', from: VHTTDL_FROM },
      { agency: 'so-vhttdl-lao-cai', role: 'deciding', from: VHTTDL_FROM },
    ],
    levels: [
      { scheme: 'decree43_2011', level: '2', from: '2011-06-13', to: '2018-12-31' },
      { scheme: 'decree43_2011', level: '3', from: '2019-01-01', to: '2022-07-31' },
      { scheme: 'decree42_2022', level: 'partial', from: '2022-08-01' },
    ],
    fees: [
      { label: { vi: 'Phí thẩm định nội dung tài liệu in trên giấy', en: 'Content appraisal fee, printed documents' }, amount: 15000, unit: { vi: 'trang quy chuẩn', en: 'standard page' }, legalBasis: 'Thông tư số 214/2016/TT-BTC' },
      { label: { vi: 'Phí thẩm định nội dung tài liệu dạng nghe, nhìn', en: 'Content appraisal fee, audio-visual documents' }, amount: 27000, unit: { vi: 'phút', en: 'minute' }, legalBasis: 'Thông tư số 214/2016/TT-BTC' },
      { label: { vi: 'Phí thẩm định nội dung tài liệu dạng đọc', en: 'Content appraisal fee, read-aloud documents' }, amount: 6000, unit: { vi: 'phút', en: 'minute' }, legalBasis: 'Thông tư số 214/2016/TT-BTC' },
    ],
    components: [
      { code: 'don-de-nghi', name: { vi: 'Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh (Mẫu số 04)', en: 'Application for the licence (Form 04)' }, copies: { vi: '01 bản chính', en: '1 original' }, required: true },
      { code: 'ban-thao', name: { vi: 'Bản thảo tài liệu có đóng dấu của tổ chức đề nghị', en: "Drafts of the document stamped by the applying organisation" }, copies: { vi: '02 bản', en: '2 copies' }, required: true },
      { code: 'ban-dich', name: { vi: 'Bản dịch tiếng Việt (tài liệu bằng tiếng nước ngoài, tiếng dân tộc thiểu số)', en: 'Vietnamese translation (foreign-language or minority-language documents)' }, copies: { vi: '01 bản', en: '1 copy' }, required: false },
      { code: 'xac-nhan', name: { vi: 'Văn bản xác nhận của cơ quan có thẩm quyền (khi pháp luật yêu cầu)', en: 'Written confirmation by the competent body (where the law requires it)' }, copies: { vi: '01 bản chính', en: '1 original' }, required: false },
    ],
    form: {
      summaryField: 'doc_title',
      sections: [
        ORGANISATION_SECTION,
        {
          title: { vi: 'Tài liệu đề nghị cấp phép', en: 'The document' },
          fields: [
            { name: 'doc_title', type: 'text', label: { vi: 'Tên tài liệu', en: 'Title of the document' }, required: true, max: 300 },
            { name: 'doc_author', type: 'text', label: { vi: 'Tác giả hoặc nguồn gốc; người dịch (nếu có)', en: 'Author or origin; translator (if any)' }, required: true, max: 300 },
            {
              name: 'doc_form',
              type: 'select',
              label: { vi: 'Hình thức tài liệu', en: 'Form of the document' },
              required: true,
              options: [
                { value: 'print', label: { vi: 'In trên giấy', en: 'Printed' } },
                { value: 'electronic', label: { vi: 'Điện tử', en: 'Electronic' } },
                { value: 'audiovisual', label: { vi: 'Nghe, nhìn (đĩa CD, DVD)', en: 'Audio-visual (CD, DVD)' } },
              ],
            },
            { name: 'doc_pages', type: 'integer', label: { vi: 'Số trang', en: 'Number of pages' }, required: true, min: 1, maxValue: 100000, when: { field: 'doc_form', equals: 'print' }, hint: { vi: 'Với tài liệu in trên giấy', en: 'For printed documents' } },
            { name: 'doc_size', type: 'text', label: { vi: 'Khuôn khổ (cm)', en: 'Format (cm)' }, required: true, max: 50, when: { field: 'doc_form', equals: 'print' }, hint: { vi: 'Với tài liệu in trên giấy, ví dụ 14,5 x 20,5', en: 'For printed documents, e.g. 14.5 x 20.5' } },
            { name: 'doc_copies', type: 'integer', label: { vi: 'Số lượng bản', en: 'Print run' }, required: true, min: 1, maxValue: 10000000 },
            { name: 'doc_language', type: 'text', label: { vi: 'Ngữ xuất bản', en: 'Language' }, required: true, max: 100 },
            { name: 'printer', type: 'text', label: { vi: 'Tên, địa chỉ cơ sở in', en: 'Name and address of the printing house' }, required: true, max: 300, when: { field: 'doc_form', equals: 'print' } },
            { name: 'purpose', type: 'textarea', label: { vi: 'Mục đích xuất bản, phạm vi phát hành', en: 'Purpose and distribution' }, required: true, max: 2000 },
            { name: 'abstract', type: 'textarea', label: { vi: 'Tóm tắt nội dung tài liệu', en: 'Summary of the content' }, required: true, max: 5000 },
          ],
        },
      ],
    },
  },
  {
    code: 'LC-TTDT-01',
    nationalCode: null,
    name: { vi: 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp', en: 'Licence to set up a general e-information site' },
    field: 'online_information',
    applicants: { vi: 'Tổ chức, doanh nghiệp thành lập theo pháp luật Việt Nam có trụ sở tại tỉnh', en: 'Organisations and enterprises established under Vietnamese law with their seat in the province' },
    steps: {
      vi: 'Tổ chức nộp hồ sơ; Sở tiếp nhận, thẩm định hồ sơ và đề án, trình cơ quan có thẩm quyền quyết định cấp giấy phép; trường hợp từ chối có văn bản nêu rõ lý do.',
      en: 'The organisation sends the dossier; the department receives and appraises the dossier and the scheme and submits it to the competent authority, which decides; a refusal is given in writing with its reasons.',
    },
    processingDays: 10,
    result: { vi: 'Giấy phép thiết lập trang thông tin điện tử tổng hợp', en: 'Licence to set up a general e-information site' },
    legalBasis: 'Nghị định số 147/2024/NĐ-CP về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng',
    onlineAvailable: true,
    agencies: [
      { agency: 'so-tttt-lao-cai', role: 'receiving', from: '2013-09-01', to: TTTT_TO },
      { agency: 'so-tttt-lao-cai', role: 'deciding', from: '2013-09-01', to: TTTT_TO },
      { agency: 'so-vhttdl-lao-cai', role: 'receiving', from: VHTTDL_FROM },
      { agency: 'ubnd-lao-cai', role: 'deciding', from: VHTTDL_FROM },
    ],
    levels: [
      { scheme: 'decree43_2011', level: '3', from: '2016-01-01', to: '2022-07-31' },
      { scheme: 'decree42_2022', level: 'partial', from: '2022-08-01' },
    ],
    fees: [],
    components: [
      { code: 'don-de-nghi', name: { vi: 'Đơn đề nghị cấp giấy phép', en: 'Application for the licence' }, copies: { vi: '01 bản chính', en: '1 original' }, required: true },
      { code: 'giay-to-phap-ly', name: { vi: 'Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp', en: 'Copy of the establishing decision or business registration certificate' }, copies: { vi: '01 bản sao', en: '1 copy' }, required: true },
      { code: 'de-an', name: { vi: 'Đề án hoạt động (tổ chức, kỹ thuật, quản lý nội dung, nguồn tin, tên miền)', en: 'Operating scheme (organisation, technology, content management, sources, domain)' }, copies: { vi: '01 bản chính', en: '1 original' }, required: true },
      { code: 'thoa-thuan-nguon-tin', name: { vi: 'Văn bản thỏa thuận cung cấp thông tin với các nguồn tin', en: 'Written agreements with the information sources' }, copies: { vi: '01 bản sao', en: '1 copy' }, required: true },
    ],
    form: {
      summaryField: 'site_domain',
      sections: [
        ORGANISATION_SECTION,
        {
          title: { vi: 'Trang thông tin điện tử tổng hợp', en: 'The general e-information site' },
          fields: [
            { name: 'site_domain', type: 'text', label: { vi: 'Tên miền', en: 'Domain name' }, required: true, max: 253, hint: { vi: 'Ví dụ: tintuc.example.vn', en: 'For example: tintuc.example.vn' } },
            { name: 'site_purpose', type: 'textarea', label: { vi: 'Mục đích cung cấp thông tin', en: 'Purpose of the information provided' }, required: true, max: 2000 },
            { name: 'site_sources', type: 'textarea', label: { vi: 'Các nguồn tin dự kiến đăng lại', en: 'Sources to be re-published' }, required: true, max: 2000 },
            { name: 'site_manager', type: 'text', label: { vi: 'Người chịu trách nhiệm quản lý nội dung', en: 'Person responsible for the content' }, required: true, max: 200 },
          ],
        },
      ],
    },
  },
  {
    code: 'LC-XB-02',
    nationalCode: null,
    name: { vi: 'Cấp giấy phép tổ chức triển lãm xuất bản phẩm', en: 'Licence to hold an exhibition of publications' },
    field: 'publishing',
    applicants: { vi: 'Cơ quan, tổ chức ở địa phương tổ chức triển lãm, hội chợ xuất bản phẩm tại tỉnh', en: 'Local agencies and organisations holding an exhibition or fair of publications in the province' },
    steps: { vi: 'Nộp hồ sơ trước ngày dự kiến tổ chức; cơ quan chuyên môn xem xét, cấp giấy phép hoặc trả lời bằng văn bản nêu rõ lý do.', en: 'Send the dossier before the planned opening; the department reviews it and grants the licence or answers in writing with its reasons.' },
    processingDays: 10,
    result: { vi: 'Giấy phép tổ chức triển lãm xuất bản phẩm', en: 'Licence to hold an exhibition of publications' },
    legalBasis: 'Luật Xuất bản số 19/2012/QH13',
    onlineAvailable: true,
    agencies: [
      { agency: 'so-tttt-lao-cai', role: 'receiving', from: '2013-07-01', to: TTTT_TO },
      { agency: 'so-tttt-lao-cai', role: 'deciding', from: '2013-07-01', to: TTTT_TO },
      { agency: 'so-vhttdl-lao-cai', role: 'receiving', from: VHTTDL_FROM },
      { agency: 'so-vhttdl-lao-cai', role: 'deciding', from: VHTTDL_FROM },
    ],
    levels: [{ scheme: 'decree42_2022', level: 'full', from: '2022-08-01' }],
    fees: [],
    components: [
      { code: 'don-de-nghi', name: { vi: 'Đơn đề nghị cấp giấy phép', en: 'Application for the licence' }, copies: { vi: '01 bản chính', en: '1 original' }, required: true },
      { code: 'danh-muc', name: { vi: 'Danh mục xuất bản phẩm triển lãm', en: 'List of the publications exhibited' }, copies: { vi: '01 bản', en: '1 copy' }, required: true },
    ],
    form: {
      summaryField: 'exhibition_name',
      sections: [
        ORGANISATION_SECTION,
        {
          title: { vi: 'Triển lãm', en: 'The exhibition' },
          fields: [
            { name: 'exhibition_name', type: 'text', label: { vi: 'Tên triển lãm', en: 'Name of the exhibition' }, required: true, max: 300 },
            { name: 'exhibition_place', type: 'text', label: { vi: 'Địa điểm', en: 'Venue' }, required: true, max: 300 },
            { name: 'exhibition_from', type: 'date', label: { vi: 'Ngày khai mạc', en: 'Opening date' }, required: true },
            { name: 'exhibition_to', type: 'date', label: { vi: 'Ngày bế mạc', en: 'Closing date' }, required: true },
            { name: 'exhibition_count', type: 'integer', label: { vi: 'Số lượng tên xuất bản phẩm', en: 'Number of titles' }, required: true, min: 1, maxValue: 1000000 },
          ],
        },
      ],
    },
  },
  {
    code: 'LC-BC-01',
    nationalCode: null,
    name: { vi: 'Cấp giấy phép xuất bản bản tin', en: 'Licence to publish a bulletin' },
    field: 'press',
    applicants: { vi: 'Cơ quan, tổ chức ở địa phương có tư cách pháp nhân', en: 'Local agencies and organisations with legal personality' },
    steps: { vi: 'Nộp hồ sơ; cơ quan chuyên môn thẩm định, cấp giấy phép hoặc trả lời bằng văn bản nêu rõ lý do.', en: 'Send the dossier; the department appraises it and grants the licence or answers in writing with its reasons.' },
    processingDays: 15,
    result: { vi: 'Giấy phép xuất bản bản tin', en: 'Licence to publish a bulletin' },
    legalBasis: 'Luật Báo chí số 103/2016/QH13',
    onlineAvailable: true,
    agencies: [
      { agency: 'so-tttt-lao-cai', role: 'receiving', from: '2017-01-01', to: TTTT_TO },
      { agency: 'so-tttt-lao-cai', role: 'deciding', from: '2017-01-01', to: TTTT_TO },
      { agency: 'so-vhttdl-lao-cai', role: 'receiving', from: VHTTDL_FROM },
      { agency: 'so-vhttdl-lao-cai', role: 'deciding', from: VHTTDL_FROM },
    ],
    levels: [{ scheme: 'decree42_2022', level: 'partial', from: '2022-08-01' }],
    fees: [],
    components: [
      { code: 'don-de-nghi', name: { vi: 'Tờ khai đề nghị cấp giấy phép xuất bản bản tin', en: 'Application for the bulletin licence' }, copies: { vi: '01 bản chính', en: '1 original' }, required: true },
      { code: 'mau-trinh-bay', name: { vi: 'Mẫu trình bày tên bản tin', en: "Layout of the bulletin's name" }, copies: { vi: '01 bản', en: '1 copy' }, required: true },
    ],
    form: {
      summaryField: 'bulletin_name',
      sections: [
        ORGANISATION_SECTION,
        {
          title: { vi: 'Bản tin', en: 'The bulletin' },
          fields: [
            { name: 'bulletin_name', type: 'text', label: { vi: 'Tên bản tin', en: 'Name of the bulletin' }, required: true, max: 200 },
            { name: 'bulletin_period', type: 'text', label: { vi: 'Kỳ hạn xuất bản', en: 'Frequency' }, required: true, max: 100 },
            { name: 'bulletin_copies', type: 'integer', label: { vi: 'Số lượng mỗi kỳ', en: 'Copies per issue' }, required: true, min: 1, maxValue: 1000000 },
            { name: 'bulletin_purpose', type: 'textarea', label: { vi: 'Tôn chỉ, mục đích', en: 'Aims and purpose' }, required: true, max: 2000 },
          ],
        },
      ],
    },
  },
  {
    code: 'LC-BCVT-01',
    nationalCode: null,
    name: { vi: 'Cấp xác nhận thông báo hoạt động bưu chính', en: 'Confirmation of a notice of postal activity' },
    field: 'posts',
    applicants: { vi: 'Doanh nghiệp, chi nhánh, văn phòng đại diện hoạt động bưu chính tại tỉnh', en: 'Enterprises, branches and representative offices carrying on postal activity in the province' },
    steps: { vi: 'Nộp hồ sơ thông báo; cơ quan chuyên môn kiểm tra và cấp văn bản xác nhận hoặc trả lời bằng văn bản nêu rõ lý do.', en: 'Send the notice; the department checks it and issues the confirmation or answers in writing with its reasons.' },
    processingDays: 7,
    result: { vi: 'Văn bản xác nhận thông báo hoạt động bưu chính', en: 'Confirmation of the notice of postal activity' },
    legalBasis: 'Luật Bưu chính số 49/2010/QH12; Nghị định số 47/2011/NĐ-CP',
    onlineAvailable: true,
    agencies: [
      { agency: 'so-tttt-lao-cai', role: 'receiving', from: '2011-08-01', to: TTTT_TO },
      { agency: 'so-tttt-lao-cai', role: 'deciding', from: '2011-08-01', to: TTTT_TO },
      { agency: 'so-khcn-lao-cai', role: 'receiving', from: VHTTDL_FROM },
      { agency: 'so-khcn-lao-cai', role: 'deciding', from: VHTTDL_FROM },
    ],
    levels: [
      { scheme: 'decree43_2011', level: '4', from: '2019-01-01', to: '2022-07-31' },
      { scheme: 'decree42_2022', level: 'full', from: '2022-08-01' },
    ],
    fees: [],
    components: [
      { code: 'thong-bao', name: { vi: 'Văn bản thông báo hoạt động bưu chính', en: 'Notice of postal activity' }, copies: { vi: '01 bản chính', en: '1 original' }, required: true },
      { code: 'giay-to-phap-ly', name: { vi: 'Bản sao giấy chứng nhận đăng ký doanh nghiệp', en: 'Copy of the business registration certificate' }, copies: { vi: '01 bản sao', en: '1 copy' }, required: true },
    ],
    form: {
      summaryField: 'org_name',
      sections: [
        ORGANISATION_SECTION,
        {
          title: { vi: 'Hoạt động bưu chính', en: 'Postal activity' },
          fields: [
            { name: 'postal_scope', type: 'textarea', label: { vi: 'Phạm vi, dịch vụ cung ứng', en: 'Scope and services' }, required: true, max: 2000 },
            { name: 'postal_start', type: 'date', label: { vi: 'Ngày dự kiến bắt đầu', en: 'Planned start' }, required: true },
          ],
        },
      ],
    },
  },
];
