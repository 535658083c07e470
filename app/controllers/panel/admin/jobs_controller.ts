import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import JobPolicy from '#policies/job_policy'
import { listFailedJobs, retryFailedJobs } from '#services/queue_admin'

const retryValidator = vine.compile(
  vine.object({ id: vine.string().trim().maxLength(200).optional() })
)

/** Jobs that used up their attempts (the same service as `node ace jobs:failed` / `jobs:retry`). */
export default class JobsController {
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(JobPolicy).authorize('manage')
    return view.render('panel/admin/jobs', { jobs: await listFailedJobs(100) })
  }

  async retry({ bouncer, request, response, session }: HttpContext) {
    await bouncer.with(JobPolicy).authorize('manage')
    const { id } = await request.validateUsing(retryValidator)
    const retried = await retryFailedJobs(id ? [id] : undefined)
    session.flash(
      retried.length > 0 ? 'success' : 'error',
      retried.length > 0
        ? `${retried.length} job${retried.length === 1 ? '' : 's'} queued again.`
        : 'That job is no longer in the failed list.'
    )
    return response.redirect('/panel/admin/jobs')
  }
}
