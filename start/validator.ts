/*
|--------------------------------------------------------------------------
| Validation messages
|--------------------------------------------------------------------------
|
| Plain-language messages for the rules clients hit most often.
|
*/
import vine, { SimpleMessagesProvider } from '@vinejs/vine'

export const VALIDATION_MESSAGES = {
  'required': 'The {{ field }} field is required',
  'requiredWhen': 'The {{ field }} field is required',
  'requiredIfExists': 'The {{ field }} field is required',
  'string': 'The {{ field }} field must be text',
  'number': 'The {{ field }} field must be a number',
  'boolean': 'The {{ field }} field must be true or false',
  'email': 'The {{ field }} field must be a valid email address',
  'enum': 'The {{ field }} field must be one of: {{ choices }}',
  'minLength': 'The {{ field }} field must have at least {{ min }} characters',
  'maxLength': 'The {{ field }} field must not be longer than {{ max }} characters',
  'min': 'The {{ field }} field must be at least {{ min }}',
  'max': 'The {{ field }} field must not be greater than {{ max }}',
  'withoutDecimals': 'The {{ field }} field must be a whole number',
  'database.unique': 'The {{ field }} has already been taken',
  'database.exists': 'The selected {{ field }} does not exist',
  'expected_stock.requiredIfExists':
    'The expected_stock field is required with stock: send the stock you read, or use stock_adjustment',
}

vine.messagesProvider = new SimpleMessagesProvider(VALIDATION_MESSAGES)
