/**
 * One real turn against a running bot, with its replies in the response body (deliveryMode
 * expectReplies), so no connector is needed: whether the bot answered "my watch shows error 1002"
 * with a message. Any failure to connect or a non-2xx answer is false.
 */
export async function answersAMessage(messagesUrl: string, conversationId: string): Promise<boolean> {
  try {
    const res = await fetch(messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `${conversationId}-1`, text: 'my watch shows error 1002', channelId: 'webchat', deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:9', from: { id: `${conversationId}-user` }, recipient: { id: 'bot' }, conversation: { id: conversationId },
      }),
    });
    const body = (await res.json()) as { activities?: { type?: string; text?: string }[] };
    return res.ok && (body.activities ?? []).some((a) => a.type === 'message' && Boolean(a.text));
  } catch {
    return false;
  }
}
