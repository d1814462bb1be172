/** How a receiver checks that a delivery comes from the portal, in a sentence. */
export function SignatureHelp() {
  return (
    <>
      Each delivery carries <code>Partner-Portal-Signature: t=&lt;time&gt;,v1=&lt;HMAC&gt;</code>: the HMAC-SHA256,
      keyed with this secret, of the time, a dot and the raw body. Refuse a request whose time is more than 300 seconds
      from yours or whose HMAC differs; the API guide’s Webhooks section shows the code.
    </>
  );
}
