import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createApi } from '@luukku/shared/http';
import type { AdminCatalog } from '@luukku/shared';

/** The admin pages' data: the whole catalogue, and one way to send a change and reload. */
export class AdminController implements ReactiveController {
  catalog: AdminCatalog | null = null;
  error = '';
  saved = '';
  busy = false;
  /** How a failure reads on the page; the admin pages set one that speaks the admin's language. */
  describe: (err: unknown) => string = (err) => (err instanceof Error ? err.message : String(err));
  private readonly api = createApi();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      this.catalog = await this.api.request<AdminCatalog>('GET', '/api/admin/catalog');
    } catch (err) {
      this.error = this.describe(err);
    }
    this.host.requestUpdate();
  }

  /** Sends one change; on success reloads and shows `done`, on failure shows the server's message. */
  async send<T = unknown>(method: string, path: string, body: unknown, done: string): Promise<T | undefined> {
    this.busy = true;
    this.error = '';
    this.saved = '';
    this.host.requestUpdate();
    try {
      const result = await this.api.request<T>(method, path, body);
      this.saved = done;
      await this.reload();
      return result;
    } catch (err) {
      this.error = this.describe(err);
      return undefined;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Shows a failure that happened outside `send`, e.g. a section's own load. */
  fail(err: unknown): void {
    this.error = this.describe(err);
    this.host.requestUpdate();
  }

  get<T>(path: string): Promise<T> {
    return this.api.request<T>('GET', path);
  }
}
