import { messagesForTop, type FormErrorState } from '../../lib/userErrors';

interface FormErrorsProps {
  errors: FormErrorState;
  /** The fields the form shows with their own message; other fields' messages come here. */
  shownFields: readonly string[];
}

/** The messages at the top of a form that belong to no field it shows. */
export function FormErrors({ errors, shownFields }: FormErrorsProps) {
  const messages = messagesForTop(errors, shownFields);
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="alert">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
