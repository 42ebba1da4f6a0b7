/**
 * The generated corpus of the newsroom benchmarks: Vietnamese sector vocabulary drawn with a
 * Zipf-like skew (as real text is), about 2 KB per article, deterministic (seeded).
 */

// Syllables of the sector's vocabulary; texts draw from them with a Zipf-like skew, as real text does.
const WORDS = (
  'của và các có được cho với trong là những đã này về người một không tỉnh sở thông tin truyền ' +
  'bưu chính viễn điện tử công nghệ dịch vụ trực tuyến hành thủ tục hồ sơ giấy phép báo chí xuất bản ' +
  'lào cai yên bái hà nội ủy ban nhân dân chủ tịch giám đốc phó trưởng phòng ban đoàn tác làm việc ' +
  'hạ tầng mạng internet thuê bao di động cố định mật độ máy dân số xã huyện thành phố điểm phục văn ' +
  'hóa tem kiểm tra xử lý vi phạm chất lượng giám sát doanh nghiệp dùng chung cho thuê quyền nghĩa ' +
  'đầu tư phát triển ứng dụng chuyển đổi số cổng giao tiếp chính phủ khung kiến nghị đề xuất nghiên ' +
  'cứu hướng dẫn quy định quyết định thông tư nghị định kế hoạch năm tháng quý báo cáo thống kê chỉ ' +
  'tiêu đánh giá xếp hạng truy cập toàn quốc tổ chức hội nghị tập huấn cán bộ công chức viên an toàn ' +
  'bảo mật phần mềm dữ liệu trung tâm lưu trữ phát thanh truyền hình tần số vô tuyến quảng cáo đối ngoại'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const random = rng(20081006);
export const zipfWord = (): string => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length * random() ** 2.2))]!;
export const uniformWord = (): string => WORDS[Math.floor(random() * WORDS.length)]!;

function sentence(): string {
  const n = 8 + Math.floor(random() * 14);
  const words = Array.from({ length: n }, zipfWord);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export function article(i: number): { title: string; body: string } {
  let body = '';
  while (body.length < 2000) body += `${sentence()} `;
  return { title: Array.from({ length: 6 + (i % 6) }, zipfWord).join(' '), body: body.trim() };
}

/** Articles to generate: BENCH_ARTICLES when set, else 5,000 with BENCH_SCALE=small, else 100,000. */
export function corpusSize(): number {
  const raw = Number(process.env.BENCH_ARTICLES);
  if (Number.isInteger(raw) && raw > 0) return raw;
  return process.env.BENCH_SCALE === 'small' ? 5_000 : 100_000;
}
