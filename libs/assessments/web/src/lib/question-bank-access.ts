/**
 * Who is looking at a bank, from the route's data: centre staff change it;
 * auditors and lecturers only read it (the API answers their changes 403).
 */
export type QuestionBankAccess = 'staff' | 'auditor' | 'lecturer';

export const canEditBank = (access: QuestionBankAccess): boolean => access === 'staff';
