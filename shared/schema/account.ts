// Accounts of the department server: who may sign in, with which role, and the session a login opens.
import { z } from 'zod';

/** Each role can do everything the ones before it can (shared/roles.ts says what each adds). */
export const RoleSchema = z.enum(['reader', 'clerk', 'coordinator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  reader: 'Читатель',
  clerk: 'Сотрудник',
  coordinator: 'Координатор',
  admin: 'Администратор',
};

/** A Russian sentence when the text is not a login: Latin letters, digits, «.», «_», «-», as logins of office networks are. */
function loginProblem(login: string): string | null {
  if (login.length < 2 || login.length > 64) return 'Логин: от 2 до 64 знаков.';
  if (!/^[A-Za-z0-9._-]+$/.test(login)) return 'Логин: только латинские буквы, цифры, точка, дефис и подчёркивание.';
  return null;
}

function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Пароль: не короче 8 знаков.';
  if (password.length > 1024) return 'Пароль: не длиннее 1024 знаков.';
  return null;
}

/** The rule as a schema: a custom issue carries its own Russian sentence through zodErrorMessage. */
const ruled = (problem: (v: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

export const LoginNameSchema = z.string().trim().pipe(ruled(loginProblem));
export const PasswordSchema = ruled(passwordProblem);

export const LoginInputSchema = z.strictObject({ login: z.string().max(64), password: z.string().max(1024) });

export const SessionSchema = z.object({
  token: z.string(),
  user: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const AccountSchema = z.object({
  login: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

/** «Кто я»: the session's account as the department server sees it (the token stays with the client). */
export const WhoAmISchema = z.object({ login: z.string(), role: RoleSchema, expiresAt: z.string() });
export type WhoAmI = z.infer<typeof WhoAmISchema>;

/** The account an administrator's call names: a login as typed (the rule of a new login is LoginNameSchema's). */
const AccountLoginSchema = z.string().trim().min(1, 'укажите логин').max(64);

export const AccountAddSchema = z.strictObject({ login: LoginNameSchema, role: RoleSchema, password: PasswordSchema });
export const AccountTargetSchema = z.strictObject({ login: AccountLoginSchema });
export const AccountSetRoleSchema = z.strictObject({ login: AccountLoginSchema, role: RoleSchema });
