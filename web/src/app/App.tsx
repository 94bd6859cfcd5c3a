import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { GuideProvider } from '../guides/guide-context';
import { Layout } from '../layout/Layout';
import { LoginPage } from '../pages/auth/LoginPage';
import { CampaignCardPage } from '../pages/campaigns/CampaignCardPage';
import { CampaignsPage } from '../pages/campaigns/CampaignsPage';
import { ContactCardPage } from '../pages/contacts/ContactCardPage';
import { ContactsPage } from '../pages/contacts/ContactsPage';
import { ImportContactsPage } from '../pages/contacts/ImportContactsPage';
import { DeleteCanceledPage } from '../pages/entries/DeleteCanceledPage';
import { EntriesPage } from '../pages/entries/EntriesPage';
import { PostponedPage } from '../pages/entries/PostponedPage';
import { HomePage } from '../pages/HomePage';
import { DeleteCanceledLoggedSegmentsPage } from '../pages/segments/DeleteCanceledLoggedSegmentsPage';
import { LoggedSegmentsPage } from '../pages/segments/LoggedSegmentsPage';
import { SegmentCardPage } from '../pages/segments/SegmentCardPage';
import { SegmentsPage } from '../pages/segments/SegmentsPage';
import { InteractionGroupsPage } from '../pages/setup/InteractionGroupsPage';
import { InteractionTemplatesPage } from '../pages/setup/InteractionTemplatesPage';
import { LanguagesPage } from '../pages/setup/LanguagesPage';
import { SalespeoplePage } from '../pages/setup/SalespeoplePage';
import { TemplateCardPage } from '../pages/setup/TemplateCardPage';
import { TemplateSetupPage } from '../pages/setup/TemplateSetupPage';
import { useSession } from './session';

export function App() {
  const { user, loading } = useSession();
  if (loading)
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (!user) return <LoginPage />;
  return (
    <GuideProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="entries" element={<EntriesPage />} />
          <Route path="entries/delete-canceled" element={<DeleteCanceledPage />} />
          <Route path="postponed" element={<PostponedPage />} />
          <Route path="contacts" element={<ContactsPage />} />
          <Route path="contacts/import" element={<ImportContactsPage />} />
          <Route path="contacts/:no" element={<ContactCardPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/:no" element={<SegmentCardPage />} />
          <Route path="logged-segments" element={<LoggedSegmentsPage />} />
          <Route path="logged-segments/delete-canceled" element={<DeleteCanceledLoggedSegmentsPage />} />
          <Route path="campaigns" element={<CampaignsPage />} />
          <Route path="campaigns/:no" element={<CampaignCardPage />} />
          <Route path="interaction-groups" element={<InteractionGroupsPage />} />
          <Route path="interaction-templates" element={<InteractionTemplatesPage />} />
          <Route path="interaction-templates/:code" element={<TemplateCardPage />} />
          <Route path="interaction-template-setup" element={<TemplateSetupPage />} />
          <Route path="salespeople" element={<SalespeoplePage />} />
          <Route path="languages" element={<LanguagesPage />} />
          <Route path="login" element={<Navigate to="/" replace />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </GuideProvider>
  );
}
