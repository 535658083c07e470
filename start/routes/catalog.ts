import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { idParam } from '#start/routes/matchers'

const CategoriesController = () => import('#controllers/api/categories_controller')
const ProductsController = () => import('#controllers/api/products_controller')
const ProductImagesController = () => import('#controllers/api/product_images_controller')
const ProductReviewsController = () => import('#controllers/api/product_reviews_controller')
const SellerProductsController = () => import('#controllers/api/seller/products_controller')

/** `:category` and `:product` accept a numeric id or a slug. */
const idOrSlug = { match: /^[a-z0-9]+(-[a-z0-9]+)*$/i }
const auth = middleware.auth({ guards: ['api'] })
const silentAuth = middleware.silentAuth()

router
  .group(() => {
    router.get('categories', [CategoriesController, 'index'])
    router.get('categories/:category', [CategoriesController, 'show']).where('category', idOrSlug)
    router.post('categories', [CategoriesController, 'store']).use(auth)
    router
      .route('categories/:category', ['PUT', 'PATCH'], [CategoriesController, 'update'])
      .where('category', idOrSlug)
      .use(auth)
    router
      .delete('categories/:category', [CategoriesController, 'destroy'])
      .where('category', idOrSlug)
      .use(auth)

    router.get('products', [ProductsController, 'index'])
    router
      .get('products/:product', [ProductsController, 'show'])
      .where('product', idOrSlug)
      .use(silentAuth)
    router.post('products', [ProductsController, 'store']).use(auth)
    router
      .route('products/:product', ['PUT', 'PATCH'], [ProductsController, 'update'])
      .where('product', idOrSlug)
      .use(auth)
    router
      .delete('products/:product', [ProductsController, 'destroy'])
      .where('product', idOrSlug)
      .use(auth)

    router
      .post('products/:product/images', [ProductImagesController, 'store'])
      .where('product', idOrSlug)
      .use(auth)
    router
      .delete('products/:product/images/:image', [ProductImagesController, 'destroy'])
      .where('product', idOrSlug)
      .where('image', idParam)
      .use(auth)

    router
      .get('products/:product/reviews', [ProductReviewsController, 'index'])
      .where('product', idOrSlug)
      .use(silentAuth)
    router
      .post('products/:product/reviews', [ProductReviewsController, 'store'])
      .where('product', idOrSlug)
      .use(auth)

    router.get('seller/products', [SellerProductsController, 'index']).use(auth)
  })
  .prefix('/api')
  .use(middleware.forceJson())
