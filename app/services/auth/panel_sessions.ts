import type { Session } from '@adonisjs/session'
import type User from '#models/user'

/** Next to the session guard's own `auth_web` (the user id). */
const VERSION_KEY = 'auth_web_version'

/**
 * Panel sessions belong to one session version of their account
 * (`users.session_version`, bumped by `User#endPanelSessions`). Checking it
 * on every panel request is what ends a session server-side with every
 * store, the cookie store included, where a session is only a cookie.
 */
export const panelSessions = {
  /** Right after `auth.use('web').login(user)`. */
  stamp(session: Session, user: User) {
    session.put(VERSION_KEY, user.sessionVersion)
  },

  /**
   * Sessions from before versions existed carry no stamp and count as
   * version 0: they live until the account's first bump.
   */
  isCurrent(session: Session, user: User) {
    return Number(session.get(VERSION_KEY, 0)) === user.sessionVersion
  },
}
