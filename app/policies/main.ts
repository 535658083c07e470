/*
|--------------------------------------------------------------------------
| Bouncer policies
|--------------------------------------------------------------------------
|
| Registered here so Edge templates can use `@can('SellerPolicy.approve')`.
|
*/
export const policies = {
  InvoicePolicy: () => import('#policies/invoice_policy'),
  CategoryPolicy: () => import('#policies/category_policy'),
  ProductPolicy: () => import('#policies/product_policy'),
  ReviewPolicy: () => import('#policies/review_policy'),
  SellerPolicy: () => import('#policies/seller_policy'),
  UserPolicy: () => import('#policies/user_policy'),
  OrderPolicy: () => import('#policies/order_policy'),
  FulfillmentPolicy: () => import('#policies/fulfillment_policy'),
  AdminOrderPolicy: () => import('#policies/admin_order_policy'),
  PanelPolicy: () => import('#policies/panel_policy'),
  SellerProfilePolicy: () => import('#policies/seller_profile_policy'),
  JobPolicy: () => import('#policies/job_policy'),
}
