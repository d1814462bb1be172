import { TextField } from './TextField';

/** The shortest password the API accepts. */
export const MIN_PASSWORD_LENGTH = 10;

/** A text field's value, change handler and error, as `useFormValues().text(name)` gives them. */
interface FieldBinding {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

interface NewPasswordFieldsProps {
  password: FieldBinding;
  confirmation: FieldBinding;
}

/** What is wrong with a new password before it goes to the server: too short, or typed differently twice. */
export function newPasswordProblems(password: string, confirmation: string) {
  return {
    password:
      password.length < MIN_PASSWORD_LENGTH
        ? `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`
        : undefined,
    confirmation: confirmation !== password ? 'The two passwords are not the same.' : undefined,
  };
}

/** A new password, typed twice: choosing one from a link, or changing one's own. */
export function NewPasswordFields({ password, confirmation }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
        {...password}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        {...confirmation}
      />
    </>
  );
}
