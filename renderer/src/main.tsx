import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router';
import { App } from './app/App';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true, token: { colorPrimary: '#1f4e8c', borderRadius: 4, fontSize: 14 } }} componentSize="middle" button={{ autoInsertSpace: false }}>
      {/* Toasts start below the 48 px header (never over the user or the scan tag); at most three at a time. */}
      <AntApp message={{ top: 56, maxCount: 3 }} notification={{ top: 56 }}>
        <HashRouter>
          <App />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
