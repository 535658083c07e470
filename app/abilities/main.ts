/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Authorisation is expressed through the policies in app/policies; this
| file exists because Bouncer's middleware expects an abilities module.
|
*/
export {}
