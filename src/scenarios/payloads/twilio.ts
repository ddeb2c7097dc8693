/**
 * Twilio: an incoming SMS, form encoded, with the parameters of
 * https://www.twilio.com/docs/messaging/guides/webhook-request.
 */
import { form, type PayloadExample } from "./types.js";

export const TWILIO_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  "message.received": form({
    ToCountry: "US",
    SmsMessageSid: "SM1234567890abcdef1234567890abcdef",
    NumMedia: "0",
    SmsSid: "SM1234567890abcdef1234567890abcdef",
    SmsStatus: "received",
    Body: "Hello from the preview",
    To: "+15005550006",
    MessageSid: "SM1234567890abcdef1234567890abcdef",
    AccountSid: "AC1234567890abcdef1234567890abcdef",
    From: "+14155552671",
    ApiVersion: "2010-04-01",
  }),
};
