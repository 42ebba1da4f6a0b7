import { defineMessages } from '../../platform/i18n/define.ts';

/** Messages of the dossier API (submission with an applicant's access token). */
export const eservicesApiMessages = defineMessages({
  vi: {
    'eservices_api.error_multipart': 'Gửi hồ sơ dưới dạng multipart/form-data: trường procedure, các trường của biểu mẫu và mỗi tệp trong trường mang mã thành phần hồ sơ.',
    'eservices_api.error_procedure': 'Không có thủ tục đang công bố với mã này.',
    'eservices_api.error_field_repeated': 'Trường này chỉ được gửi một lần.',
    'eservices_api.error_field_long': 'Giá trị quá dài.',
    'eservices_api.error_idempotency_key': 'Idempotency-Key phải gồm từ 1 đến 200 ký tự ASCII in được.',
    'eservices_api.error_idempotency_reused': 'Idempotency-Key này đã được dùng cho một yêu cầu khác (thủ tục, dữ liệu hoặc tệp khác).',
    'eservices_api.error_idempotency_pending': 'Yêu cầu đầu tiên mang Idempotency-Key này đang được xử lý; hãy thử lại sau giây lát.',
  },
  en: {
    'eservices_api.error_multipart': 'Send the dossier as multipart/form-data: the procedure field, the form’s fields and each file in a field named after its document component.',
    'eservices_api.error_procedure': 'There is no published procedure with this code.',
    'eservices_api.error_field_repeated': 'This field may be sent once only.',
    'eservices_api.error_field_long': 'The value is too long.',
    'eservices_api.error_idempotency_key': 'The Idempotency-Key must be 1 to 200 printable ASCII characters.',
    'eservices_api.error_idempotency_reused': 'This Idempotency-Key was already used for another request (another procedure, other data or other files).',
    'eservices_api.error_idempotency_pending': 'The first request with this Idempotency-Key is still being handled; try again in a moment.',
  },
});
