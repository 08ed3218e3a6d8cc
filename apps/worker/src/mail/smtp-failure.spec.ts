import fc from 'fast-check';
import { describeSmtpFailure } from './smtp-failure';

describe('describeSmtpFailure', () => {
  it('gives up on a 5xx answer and keeps the server’s words', () => {
    const err = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: 'EENVELOPE',
      response: '550 5.1.1 <nadie@x.example>: Recipient address rejected',
      responseCode: 550,
    });
    expect(describeSmtpFailure(err)).toEqual({
      reason: "Can't send mail - all recipients were rejected: 550 5.1.1 <nadie@x.example>: Recipient address rejected",
      permanent: true,
    });
  });

  it('retries 4xx answers, 503 and connection errors', () => {
    expect(
      describeSmtpFailure(
        Object.assign(new Error('Greylisted'), { response: '451 4.7.1 try later', responseCode: 451 }),
      ).permanent,
    ).toBe(false);
    expect(
      describeSmtpFailure(Object.assign(new Error('x'), { response: '503 bad sequence', responseCode: 503 })).permanent,
    ).toBe(false);
    const refused = describeSmtpFailure(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' }),
    );
    expect(refused).toEqual({ reason: 'connect ECONNREFUSED 127.0.0.1:1025', permanent: false });
  });

  it('reads the code from the answer when the error has none, and does not repeat an answer already in the message', () => {
    expect(describeSmtpFailure(Object.assign(new Error('Message failed: 554 no'), { response: '554 no' }))).toEqual({
      reason: 'Message failed: 554 no',
      permanent: true,
    });
  });

  it('always yields a short single-line reason, whatever was thrown', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (thrown) => {
        const { reason } = describeSmtpFailure(thrown);
        return typeof reason === 'string' && reason.length <= 1000 && !/[\n\r]/.test(reason);
      }),
    );
  });
});
