import { connect } from 'node:net';
import { PrintError } from './ticket-model.js';

/**
 * Sends bytes to a raw TCP printer (port 9100, "JetDirect"), within timeoutMs from the first
 * connection attempt to the last byte handed to the network. Written on node:net rather than
 * node-thermal-printer's interface because that one's timeout is an idle timeout only and its
 * errors are raw socket errors; here every failure is a PrintError a person can read.
 *
 * Success means the bytes left this machine and the printer took the connection; a raw printer
 * says nothing back, so paper-out shows only on the printer itself.
 */
export function sendToTcpPrinter(host: string, port: number, bytes: Buffer, timeoutMs: number): Promise<void> {
  const name = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const socket = connect({ host, port });
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      reject(new PrintError(`Printer ${name} ${message}`));
    };
    const deadline = setTimeout(
      () => fail(socket.connecting ? `did not answer within ${seconds(timeoutMs)}` : `did not take the ticket within ${seconds(timeoutMs)}`),
      timeoutMs,
    );
    socket.on('error', (err: NodeJS.ErrnoException) => fail(describe(err)));
    // whatever the printer sends back (status bytes) is read and dropped: unread input would make
    // the kernel answer our close with a reset, which can drop the end of the ticket
    socket.on('data', () => undefined);
    socket.on('close', () => fail('closed the connection before the ticket was sent'));
    socket.once('connect', () => {
      // end() sends the bytes and then a FIN; 'finish' fires once all of them are with the kernel
      socket.end(bytes, (err?: Error | null) => {
        if (err) return fail(describe(err));
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        // the printer normally closes its side after our FIN; if it does not, let go in a while
        setTimeout(() => socket.destroy(), timeoutMs).unref();
        resolve();
      });
    });
  });
}

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'refused the connection';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'closed the connection in the middle of the ticket';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return 'cannot be reached on the network';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'has a host name that does not resolve';
    case 'ETIMEDOUT':
      return 'did not answer';
    default:
      return `failed: ${err.code ?? err.message}`;
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
