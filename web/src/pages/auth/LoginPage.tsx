import { Alert, Button, Center, Paper, PasswordInput, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { problemText } from '../../components/problem-text';
import { chooseLanguage, LANGUAGES, type UiLanguage } from '../../i18n/i18n';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { login, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(problemText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Rapport
            </Title>
            <Title order={2} size="h4" fw={500}>
              {t('login.title')}
            </Title>
            {expired && !error && <Alert color="yellow">{t('login.expired')}</Alert>}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('login.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              required
              data-autofocus
              autoFocus
            />
            <PasswordInput
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
            <SegmentedControl
              aria-label={t('layout.language')}
              value={i18n.language}
              onChange={(v) => chooseLanguage(v as UiLanguage)}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
