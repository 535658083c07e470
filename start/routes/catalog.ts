import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const CategoriesController = () => import('#controllers/api/categories_controller')
const ProductsController = () => import('#controllers/api/products_controller')
const ProductImagesController = () => import('#controllers/api/product_images_controller')
const ProductReviewsController = () => import('#controllers/api/product_reviews_controller')
const SellerProductsController = () => import('#controllers/api/seller/products_controller')

/** Here `:category` and `:product` accept a slug as well as a numeric id. */
const idOrSlug = { match: /^[a-z0-9]+(-[a-z0-9]+)*$/i }
const auth = middleware.auth({ guards: ['api'] })
const silentAuth = middleware.silentAuth()

router
  .group(() => {
    router.get('categories', [CategoriesController, 'index'])
    router.get('categories/:category', [CategoriesController, 'show'])
    router.post('categories', [CategoriesController, 'store']).use(auth)
    router
      .route('categories/:category', ['PUT', 'PATCH'], [CategoriesController, 'update'])
      .use(auth)
    router.delete('categories/:category', [CategoriesController, 'destroy']).use(auth)

    router.get('products', [ProductsController, 'index'])
    router.get('products/:product', [ProductsController, 'show']).use(silentAuth)
    router.post('products', [ProductsController, 'store']).use(auth)
    router.route('products/:product', ['PUT', 'PATCH'], [ProductsController, 'update']).use(auth)
    router.delete('products/:product', [ProductsController, 'destroy']).use(auth)

    router.post('products/:product/images', [ProductImagesController, 'store']).use(auth)
    router.delete('products/:product/images/:image', [ProductImagesController, 'destroy']).use(auth)

    router.get('products/:product/reviews', [ProductReviewsController, 'index']).use(silentAuth)
    router.post('products/:product/reviews', [ProductReviewsController, 'store']).use(auth)

    router.get('seller/products', [SellerProductsController, 'index']).use(auth)
  })
  .prefix('/api')
  .where('category', idOrSlug)
  .where('product', idOrSlug)
  .use(middleware.forceJson())
