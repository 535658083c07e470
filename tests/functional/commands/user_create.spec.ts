import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import User from '#models/user'
import UserCreate from '#commands/user_create'
import { resetState } from '#tests/helpers/database'

test.group('node ace user:create', (group) => {
  group.each.setup(() => resetState())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('creates an admin from flags, who can then log in and approve sellers', async ({
    client,
    assert,
  }) => {
    const command = await ace.create(UserCreate, [
      '--role=admin',
      '--email=Root@Example.com',
      '--name=Root Admin',
      '--password=very-secret-99',
    ])
    await command.exec()
    command.assertSucceeded()

    const admin = await User.findByOrFail('email', 'root@example.com')
    assert.equal(admin.role, 'admin')

    const login = await client
      .post('/api/auth/login')
      .json({ email: 'root@example.com', password: 'very-secret-99' })
    login.assertStatus(200)
    const list = await client.get('/api/admin/sellers').bearerToken(login.body().data.token.token)
    list.assertStatus(200)
  })

  test('prompts for what the flags leave out', async ({ assert }) => {
    const command = await ace.create(UserCreate, ['--role=admin'])
    command.prompt.trap('Email').replyWith('prompted@example.com')
    command.prompt.trap('Full name').replyWith('Prompted Admin')
    command.prompt.trap('Password (8+ characters)').replyWith('prompted-pass-1')
    await command.exec()
    command.assertSucceeded()
    const user = await User.findByOrFail('email', 'prompted@example.com')
    assert.equal(user.fullName, 'Prompted Admin')
  })

  test('refuses a duplicate email in any case and a weak password', async ({ assert }) => {
    await User.create({
      email: 'taken@example.com',
      password: 'whatever-123',
      fullName: 'Taken',
      role: 'customer',
      isActive: true,
    })
    const duplicate = await ace.create(UserCreate, [
      '--email=TAKEN@example.com',
      '--name=Again',
      '--password=very-secret-99',
    ])
    await duplicate.exec()
    duplicate.assertFailed()

    const weak = await ace.create(UserCreate, [
      '--email=new@example.com',
      '--name=New',
      '--password=short',
    ])
    await weak.exec()
    weak.assertFailed()
    assert.isNull(await User.findBy('email', 'new@example.com'))
  })
})
