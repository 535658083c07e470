import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import JobPolicy from '#policies/job_policy'
import { countFailedJobs, listFailedJobs, retryFailedJobs } from '#services/queue/admin'
import { backTo, listFilters, pager } from '#controllers/panel/support/forms'
import { paginationValidator } from '#validators/pagination'

const PER_PAGE = 25

const retryValidator = vine.compile(
  vine.object({ id: vine.string().trim().maxLength(200).optional() })
)

/** Jobs that used up their attempts (the same service as `node ace jobs:failed` / `jobs:retry`). */
export default class JobsController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(JobPolicy).authorize('manage')
    const filters = await listFilters(paginationValidator, request)
    const total = await countFailedJobs()
    // Past the last page (jobs retried meanwhile): show the last one.
    const lastPage = Math.max(1, Math.ceil(total / PER_PAGE))
    const page = Math.min(filters.page ?? 1, lastPage)
    const jobs = await listFailedJobs({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE })
    return view.render('panel/admin/jobs', {
      jobs,
      total,
      pager: pager(request, page, PER_PAGE, total),
    })
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
    return response.redirect(backTo(request, '/panel/admin/jobs'))
  }
}
