/**
 * The applicant's side of fees (/ho-so/:id/phi, receipts) and the VNPay endpoints: the IPN that
 * confirms a payment and the return page that only shows what the IPN recorded.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { actorOf } from '../../../platform/audit/audit.ts';
import { requireUser, requireUserPage } from '../../../platform/auth/guards.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/queries.ts';
import { AppError } from '../../../platform/errors.ts';
import { isCsrfValid } from '../../../platform/http/csrf.ts';
import { field, type FormValues } from '../../../platform/http/form-body.ts';
import { todayInVietnam } from '../../../platform/text/format.ts';
import { sendHtml, viewContext } from '../../../ui/view-context.ts';
import { agencyNameOn, dossierOfApplicant, type DossierRow } from '../dossier-queries.ts';
import type { ConfirmContext } from './confirm-payment.ts';
import { feeReceiptPdf } from './fee-receipt-pdf.ts';
import { feesOfDossier, openFeeRequest, paymentByTxnRef, pendingVietQr, receiptOfDossier } from './fee-queries.ts';
import { handleIpn } from './handle-ipn.ts';
import { ApplicantFeesPage, FeeReceiptPage, PaymentResultPage, type VietQrView } from './payment-pages.tsx';
import { startVnpayPayment, vietQrPayment } from './start-payment.ts';
import { transferNote, vietQrPayload } from './vietqr.ts';
import { IPN_ANSWERS, paymentUrl, QUERYDR_PATH, vnpFields, vnpVerify } from './vnpay.ts';

export const SANDBOX_PATH = '/sandbox/vnpay/vpcpay.html';
/** The sandbox's merchant web API (querydr). */
export const SANDBOX_API_PATH = `/sandbox/vnpay${QUERYDR_PATH}`;

const idOf = (raw: string): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('not_found');
  return Number(raw);
};

export const IPN_PATH = '/thanh-toan/vnpay/ipn';
export const RETURN_PATH = '/thanh-toan/vnpay/ket-qua';

export function registerPaymentRoutes(app: FastifyInstance): void {
  const { store, config } = app.deps;
  const db = store.db;

  async function ownDossier(request: FastifyRequest<{ Params: { id: string } }>): Promise<DossierRow> {
    const user = requireUser(request);
    const dossier = await dossierOfApplicant(db, idOf(request.params.id), user.id);
    if (dossier === undefined) throw new AppError('not_found');
    return dossier;
  }

  // Without a gateway address and without the sandbox there is nowhere to send the applicant.
  const vnpayEnabled = config.vnpay.url !== null || config.vnpay.sandbox;

  const confirmContext = async (): Promise<ConfirmContext> => ({
    calendar: await loadWorkingCalendar(db),
    today: todayInVietnam(),
    trackUrl: new URL('/tra-cuu', config.publicUrl).toString(),
  });

  const vietQrOffered = (dossier: DossierRow): boolean => config.vietqr.bankBin !== '' && dossier.status === 'fee_requested';

  /**
   * The request's pending VietQR code if one was made; 'offer' when none was: reading the page
   * writes nothing, the code is made by the applicant's POST (/phi/vietqr).
   */
  async function vietQrView(dossier: DossierRow): Promise<VietQrView | 'offer' | undefined> {
    if (!vietQrOffered(dossier)) return undefined;
    const open = await openFeeRequest(db, dossier.id);
    const payment = open === undefined ? undefined : await pendingVietQr(db, open.id);
    if (payment === undefined) return 'offer';
    const { bankBin, account, accountName } = config.vietqr;
    // The transfer note carries the dossier code, by which the officer finds the transfer on the statement.
    const note = transferNote(dossier.code ?? payment.txn_ref);
    const payload = vietQrPayload({ bankBin, account, amountVnd: payment.amount_vnd, purpose: note });
    const svg = await QRCode.toString(payload, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return { svgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, bankBin, account, accountName, note, amount: payment.amount_vnd };
  }

  const renderFees = async (request: FastifyRequest, reply: FastifyReply, dossier: DossierRow, alert?: string, status = 200) =>
    sendHtml(reply.header('cache-control', 'private, no-store'), ApplicantFeesPage({ ctx: await viewContext(request), dossier, fees: await feesOfDossier(db, dossier.id), vnpayEnabled, vietQr: await vietQrView(dossier), ...(alert === undefined ? {} : { alert }) }), status);

  app.get<{ Params: { id: string } }>('/ho-so/:id/phi', { preHandler: requireUserPage }, async (request, reply) => renderFees(request, reply, await ownDossier(request)));

  // The one-time VietQR code of the request: made once, on the applicant's request; later posts show the same code.
  app.post<{ Params: { id: string }; Body: FormValues }>('/ho-so/:id/phi/vietqr', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderFees(request, reply, dossier, request.t('error.csrf_invalid'), 403);
    if (!vietQrOffered(dossier)) return reply.redirect(`/ho-so/${dossier.id}/phi`, 303);
    await vietQrPayment(db, dossier);
    return reply.redirect(`/ho-so/${dossier.id}/phi#vietqr`, 303);
  });

  app.post<{ Params: { id: string }; Body: FormValues }>('/ho-so/:id/phi/vnpay', { preHandler: requireUserPage }, async (request, reply) => {
    const dossier = await ownDossier(request);
    if (!isCsrfValid(request, field(request.body ?? {}, '_csrf'), config.secret)) return renderFees(request, reply, dossier, request.t('error.csrf_invalid'), 403);
    if (dossier.status !== 'fee_requested' || !vnpayEnabled) return reply.redirect(`/ho-so/${dossier.id}/phi`, 303);
    const now = new Date();
    const payment = await startVnpayPayment(db, dossier, now);
    // The in-project sandbox is reached on the origin the applicant is using (the demo may be opened
    // at an address other than PUBLIC_URL); a real gateway gets PUBLIC_URL, registered with it.
    const origin = config.vnpay.url === null ? `${request.protocol}://${request.host}` : config.publicUrl.origin;
    const url = paymentUrl({
      gatewayUrl: config.vnpay.url === null ? SANDBOX_PATH : config.vnpay.url.toString(),
      tmnCode: config.vnpay.tmnCode,
      secret: config.vnpay.hashSecret,
      txnRef: payment.txn_ref,
      amountVnd: payment.amount_vnd,
      orderInfo: `Thanh toan phi ho so ${dossier.code ?? ''}`,
      returnUrl: new URL(RETURN_PATH, origin).toString(),
      ipAddr: request.ip,
      locale: request.locale === 'en' ? 'en' : 'vn',
      createdAt: now,
      expiresAt: new Date(payment.expires_at ?? now.toISOString()),
    });
    return reply.redirect(url, 303);
  });

  // VNPay calls this server to server; it may retry, and anyone may call it: only a valid signature counts.
  const ipnLimit = app.rateLimit({ max: 600, timeWindow: '1 minute' });
  app.get(IPN_PATH, { preHandler: ipnLimit }, async (request, reply) => {
    const fields = vnpFields(request.raw.url?.split('?')[1] ?? '');
    let answer;
    try {
      answer = await handleIpn(db, actorOf(request, null), config.vnpay, fields, await confirmContext());
    } catch (err) {
      request.log.error({ err }, 'VNPay IPN failed');
      answer = IPN_ANSWERS.unknown;
    }
    return reply.header('cache-control', 'no-store').send(answer);
  });

  // The browser comes back here: the page reads the state the IPN recorded and changes nothing.
  app.get(RETURN_PATH, async (request, reply) => {
    const fields = vnpFields(request.raw.url?.split('?')[1] ?? '');
    const ctx = await viewContext(request);
    const valid = vnpVerify(fields, config.vnpay.hashSecret);
    const payment = valid ? await paymentByTxnRef(db, fields.vnp_TxnRef ?? '') : undefined;
    const request_ = payment === undefined ? undefined : await db.selectFrom('fee_requests').select('dossier_id').where('id', '=', payment.fee_request_id).executeTakeFirst();
    const page = PaymentResultPage({ ctx, payment, dossierId: request_?.dossier_id, gatewaySaysPaid: fields.vnp_ResponseCode === '00' });
    return sendHtml(reply.header('cache-control', 'no-store'), page, valid ? 200 : 400);
  });

  /** A receipt of the signed-in applicant's own dossier; anyone else gets 404. */
  async function ownReceipt(request: FastifyRequest<{ Params: { id: string; receiptId: string } }>, receiptId: string) {
    const dossier = await ownDossier(request);
    const found = await receiptOfDossier(db, dossier.id, idOf(receiptId));
    if (found === undefined) throw new AppError('not_found');
    const agency = await agencyNameOn(db, found.receipt.agency_id, found.receipt.issued_on);
    return { dossier, ...found, agency };
  }

  app.get<{ Params: { id: string; receiptId: string } }>('/ho-so/:id/bien-lai/:receiptId', { preHandler: requireUserPage }, async (request, reply) => {
    const { receiptId } = request.params;
    if (receiptId.endsWith('.pdf')) {
      const r = await ownReceipt(request, receiptId.slice(0, -4));
      const pdf = await feeReceiptPdf({ dossier: r.dossier, agencyName: r.agency.vi, receipt: r.receipt, lines: r.lines, payment: r.payment, refunds: r.refunds });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bien-lai-${r.receipt.year}-${r.receipt.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    }
    const r = await ownReceipt(request, receiptId);
    const ctx = await viewContext(request);
    return sendHtml(reply.header('cache-control', 'private, no-store'), FeeReceiptPage({ ctx, dossier: r.dossier, agencyName: ctx.locale === 'en' ? r.agency.en : r.agency.vi, receipt: r.receipt, lines: r.lines, payment: r.payment, refunds: r.refunds }));
  });
}
