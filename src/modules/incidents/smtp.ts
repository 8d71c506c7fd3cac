/**
 * A minimal SMTP client (RFC 5321) for notification e-mail: plain connection, EHLO, MAIL, RCPT,
 * DATA, QUIT; no authentication (a relay on the internal network is expected). Each reply is
 * checked, so a refusal fails the delivery and the outbox retries it.
 */
import net from 'node:net';

export interface SmtpSettings {
  url: string;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?utf-8?B?${Buffer.from(value).toString('base64')}?=`;
}

/** The message as RFC 5322 text, body in base64 UTF-8, dot-stuffing not needed for base64. */
export function formatMail(from: string, mail: Mail, date = new Date()): string {
  const headers = {
    From: from, To: mail.to, Subject: encodeHeader(mail.subject), Date: date.toUTCString(), 'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8', 'Content-Transfer-Encoding': 'base64', ...mail.headers,
  };
  const body = Buffer.from(mail.text).toString('base64').replace(/.{76}/g, '$&\r\n');
  return `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}\r\n`;
}

/** Sends one message; rejects with the server's reply when a step is refused. */
export async function sendMail(settings: SmtpSettings, mail: Mail): Promise<void> {
  const target = new URL(settings.url);
  const socket = net.connect({ host: target.hostname, port: Number(target.port || 25) });
  socket.setTimeout(15_000, () => socket.destroy(new Error('SMTP timeout')));
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      // Multi-line replies ("250-…") end with the line whose code is followed by a space.
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) waiters.shift()?.(line);
    }
  });
  const failed = new Promise<never>((_, reject) => socket.once('error', reject));
  const reply = (expected: string) => Promise.race([failed, new Promise<string>((resolve) => waiters.push(resolve))]).then((line) => {
    if (!line.startsWith(expected)) throw new Error(`SMTP: expected ${expected}, got "${line}"`);
  });
  const step = async (command: string, expected: string) => {
    const answer = reply(expected);
    socket.write(`${command}\r\n`);
    await answer;
  };
  try {
    await reply('220');
    await step(`EHLO ${target.searchParams.get('helo') ?? 'qalxan'}`, '250');
    await step(`MAIL FROM:<${settings.from}>`, '250');
    await step(`RCPT TO:<${mail.to}>`, '25');
    await step('DATA', '354');
    await step(`${formatMail(settings.from, mail)}.`, '250');
    await step('QUIT', '221');
  } finally {
    socket.destroy();
  }
}
