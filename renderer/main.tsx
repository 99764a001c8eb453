// The renderer's entry: the token out of the address, then the app in Mantine's provider.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeTokenFromAddress } from './api/client';
import { StartGate } from './app/StartGate';

takeTokenFromAddress();

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif',
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="bottom-center" />
        <StartGate />
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
