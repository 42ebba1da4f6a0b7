/** Fees of dossiers: requests, VNPay and VietQR payments, receipts, and the sandbox gateway when enabled. */
import type { FastifyInstance } from 'fastify';
import { registerPaymentRoutes } from './payment-routes.ts';
import { registerSandboxGateway } from './sandbox-routes.ts';
import { registerStaffFeeRoutes } from './staff-fee-routes.ts';

export function registerPayments(app: FastifyInstance): void {
  registerPaymentRoutes(app);
  registerStaffFeeRoutes(app);
  if (app.deps.config.vnpay.sandbox) registerSandboxGateway(app);
}
