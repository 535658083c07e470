import type Review from '#models/review'

/** Expects `user` preloaded; only the reviewer's public name is shown. */
export function serializeReview(review: Review) {
  return {
    id: review.id,
    rating: review.rating,
    comment: review.comment,
    user: { id: review.user.id, full_name: review.user.fullName },
    created_at: review.createdAt.toISO(),
  }
}
