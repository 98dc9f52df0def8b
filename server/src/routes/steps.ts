import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StepRecord, UserRecord } from '@luukku/db';
import { CallStepBody, ErrorBody, IdParams, ReferBody, StepResponse, TakeOverBody } from '@luukku/shared';
import { callStep, recallStep, referStep, takeOverStep, transitionStep } from '../commands/steps.js';
import { loadStepToRead } from '../commands/load.js';
import { requireUser } from '../plugins/auth.js';
import { readerStep, visitDetail } from '../views/steps.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export default async function stepRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const answer = (step: StepRecord, user: UserRecord) => ({
    step: readerStep(app.q, step, user),
    visit: visitDetail(app.q, app.q.visit(step.visitId)!, user),
  });

  r.get(
    '/api/steps/:id',
    { schema: { tags: ['steps'], summary: 'A step and its whole visit, with notes the caller may read', params: IdParams, response: { 200: StepResponse, ...errors } } },
    async (req) => {
      const user = requireUser(req);
      return answer(loadStepToRead(app.q, user, req.params.id), user);
    },
  );

  r.post(
    '/api/steps/:id/call',
    { schema: { tags: ['steps'], summary: 'Call this waiting visitor to my desk', params: IdParams, body: CallStepBody, response: { 200: StepResponse, ...errors } } },
    async (req) => {
      const user = requireUser(req);
      return answer(callStep(app.commands, user, req.params.id, req.body.deskId), user);
    },
  );

  r.post(
    '/api/steps/:id/recall',
    { schema: { tags: ['steps'], summary: 'Announce the call again', params: IdParams, response: { 200: StepResponse, ...errors } } },
    async (req) => {
      const user = requireUser(req);
      return answer(recallStep(app.commands, user, req.params.id), user);
    },
  );

  const simple = [
    ['start', 'Start serving the called visitor'],
    ['finish', 'Finish; the visit goes on to its next planned step, or ends'],
    ['no-show', 'The called visitor did not come'],
    ['return', 'Back to the line at the same place (the visitor stepped out)'],
    ['cancel', 'Cancel the visit (the visitor left)'],
  ] as const;
  for (const [action, summary] of simple) {
    r.post(
      `/api/steps/:id/${action}`,
      { schema: { tags: ['steps'], summary, params: IdParams, response: { 200: StepResponse, ...errors } } },
      async (req) => {
        const user = requireUser(req);
        return answer(transitionStep(app.commands, user, req.params.id, action), user);
      },
    );
  }

  r.post(
    '/api/steps/:id/take-over',
    {
      schema: {
        tags: ['steps'],
        summary: 'Admin: take over a visitor another desk holds, with a reason (audited); then act on them',
        params: IdParams,
        body: TakeOverBody,
        response: { 200: StepResponse, ...errors },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return answer(takeOverStep(app.commands, user, req.params.id, req.body.reason), user);
    },
  );

  r.post(
    '/api/steps/:id/refer',
    {
      schema: {
        tags: ['steps'],
        summary: 'Refer the visitor to other services; they keep their number and, by default, their arrival time',
        params: IdParams,
        body: ReferBody,
        response: { 200: StepResponse, ...errors },
      },
    },
    async (req) => {
      const user = requireUser(req);
      return answer(referStep(app.commands, user, req.params.id, req.body).to, user);
    },
  );
}
