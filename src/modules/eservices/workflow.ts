/**
 * The one-stop-shop workflow as data: each action, who takes it, from which statuses, to which
 * status, and the national status code (1–10 of the national public service portal) recorded with it.
 * Reception accepts, refuses or asks for supplements; an officer appraises and proposes; a leader
 * decides; reception returns the result. Asking for supplements stops the clock until the applicant
 * supplements: the service index (Decision 766/QĐ-TTg, indicator 2.1) leaves that time out and
 * counts a dossier with a second request as late. A late dossier needs an apology with a new date.
 * Fees are requested by an officer of an accepted dossier (`payments/request-fees.ts`): the clock
 * stops as for supplements and the dossier goes back to `accepted` once the payment is confirmed.
 *
 * Who decides is data too: the procedure's `deciding` agency in force on the date of receipt
 * (`procedure_agencies`). When it is the receiving agency, its leader approves or rejects. When it is
 * another agency (the licence for a general e-information site: the department receives and
 * appraises, the provincial People's Committee decides since 1 March 2025), the department's leader
 * submits the dossier to it and a leader of that agency approves or rejects.
 */
import type { Role } from '../../platform/auth/roles.ts';

export const STATUSES = ['draft', 'submitted', 'accepted', 'supplement_requested', 'fee_requested', 'awaiting_decision', 'awaiting_authority', 'decided', 'returned', 'refused', 'stopped', 'withdrawn'] as const;
export type DossierStatus = (typeof STATUSES)[number];

/** The national status code shown for each internal status. */
export const NATIONAL_STATUS: Readonly<Record<DossierStatus, number | null>> = {
  draft: null,
  submitted: 1,
  accepted: 2,
  refused: 3,
  awaiting_decision: 4,
  awaiting_authority: 4,
  supplement_requested: 5,
  fee_requested: 6,
  withdrawn: 7,
  stopped: 8,
  decided: 9,
  returned: 10,
};

/** Statuses in which the time limit runs. */
export const RUNNING: readonly DossierStatus[] = ['submitted', 'accepted', 'awaiting_decision', 'awaiting_authority'];
export const FINAL: readonly DossierStatus[] = ['returned', 'refused', 'stopped', 'withdrawn'];

export interface StaffAction {
  readonly role: Role;
  readonly from: readonly DossierStatus[];
  /** Null: the status does not change (an apology only moves the due date). */
  readonly to: DossierStatus | null;
  readonly needsNote: boolean;
  /**
   * Which decision path the action belongs to: `own` when the receiving agency decides, `authority`
   * when another agency does (the action is then offered only on that path); absent: both.
   */
  readonly path?: 'own' | 'authority';
  /** `deciding`: the role is held in the competent authority, not in the dossier's agency. */
  readonly actingAgency?: 'deciding';
}

export const STAFF_ACTIONS = {
  accept: { role: 'officer', from: ['submitted'], to: 'accepted', needsNote: false },
  refuse: { role: 'officer', from: ['submitted'], to: 'refused', needsNote: true },
  request_supplement: { role: 'officer', from: ['submitted', 'accepted'], to: 'supplement_requested', needsNote: true },
  propose: { role: 'officer', from: ['accepted'], to: 'awaiting_decision', needsNote: false },
  approve: { role: 'leader', from: ['awaiting_decision'], to: 'decided', needsNote: false, path: 'own' },
  reject: { role: 'leader', from: ['awaiting_decision'], to: 'stopped', needsNote: true, path: 'own' },
  submit_to_authority: { role: 'leader', from: ['awaiting_decision'], to: 'awaiting_authority', needsNote: false, path: 'authority' },
  authority_approve: { role: 'leader', from: ['awaiting_authority'], to: 'decided', needsNote: false, path: 'authority', actingAgency: 'deciding' },
  authority_reject: { role: 'leader', from: ['awaiting_authority'], to: 'stopped', needsNote: true, path: 'authority', actingAgency: 'deciding' },
  return_result: { role: 'officer', from: ['decided'], to: 'returned', needsNote: false },
  apologise: { role: 'officer', from: ['submitted', 'accepted', 'awaiting_decision', 'awaiting_authority', 'decided'], to: null, needsNote: true },
} as const satisfies Record<string, StaffAction>;

export type StaffActionName = keyof typeof STAFF_ACTIONS;
export const isStaffAction = (name: string): name is StaffActionName => Object.hasOwn(STAFF_ACTIONS, name);

/** How close the due date is: late after it, due soon on it or the working day before. */
export type Urgency = 'on_time' | 'due_soon' | 'late';
