// Loaded on demand by the sign-in form: zod is not part of the first page's JavaScript.
export { loginSchema as signInFormSchema } from '@dari/contracts';
