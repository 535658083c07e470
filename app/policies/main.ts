/*
|--------------------------------------------------------------------------
| Bouncer policies
|--------------------------------------------------------------------------
|
| Registered here so Edge templates can use `@can('SellerPolicy.approve')`.
|
*/
export const policies = {
  SellerPolicy: () => import('#policies/seller_policy'),
  UserPolicy: () => import('#policies/user_policy'),
}
