/** Shapes and socket events of the calls context, shared by server and dashboard. */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CallsServerEvents {}

export interface CitizenView {
  id: string;
  fullName: string | null;
  kind: 'person' | 'organisation';
  idNumber: string | null;
  addressDetail: string | null;
  communeCode: string | null;
  email: string | null;
  notes: string | null;
  /** E.164, primary first. */
  phones: Array<{ phone: string; isPrimary: boolean; label: string | null }>;
  createdAt: string;
  updatedAt: string;
}
