/** Photos of an item: thumbnails, add from a file, or take one with the webcam (getUserMedia → canvas → JPEG). */
import { useEffect, useRef, useState } from 'react';
import { App as AntApp, Button, Empty, Image, Modal, Space, Typography } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { PhotoDto } from '@shared/api/custody.contract';
import { call } from '../api/client';
import { useAction } from './use-action';
import { fmtTime } from './labels';

type Mime = 'image/jpeg' | 'image/png' | 'image/webp';
const MIMES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error('读取照片文件失败'));
    r.readAsDataURL(file);
  });
}

function Webcam({ onShot, onClose }: { onShot(base64: string): void; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    navigator.mediaDevices
      ?.getUserMedia({ video: { width: 1280, height: 720 } })
      .then((s) => {
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
      })
      .catch(() => setError('无法打开摄像头：请检查摄像头连接和访问权限'));
    if (!navigator.mediaDevices) setError('此环境不支持摄像头');
    return () => stream?.getTracks().forEach((t) => t.stop());
  }, []);
  const take = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    onShot(c.toDataURL('image/jpeg', 0.9).replace(/^data:[^,]*,/, ''));
  };
  return (
    <Modal open title="拍照" onCancel={onClose} okText="拍照（空格）" onOk={take} width={720} destroyOnHidden>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : <video ref={video} style={{ width: '100%', background: '#000' }} muted playsInline />}
    </Modal>
  );
}

export function PhotoPanel({ itemId, canAdd }: { itemId: number; canAdd: boolean }) {
  const [photos, setPhotos] = useState<PhotoDto[]>([]);
  const [srcs, setSrcs] = useState<Record<number, string>>({});
  const [cam, setCam] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const { run, busy } = useAction();
  const { message } = AntApp.useApp();

  const load = async () => {
    const list = await run(() => call('photo.list', { itemId }));
    if (!list) return;
    setPhotos(list);
    for (const p of list) {
      if (srcs[p.id]) continue;
      const img = await run(() => call('photo.get', { id: p.id }));
      if (img) setSrcs((s) => ({ ...s, [p.id]: `data:${img.mime};base64,${img.base64}` }));
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), [itemId]);

  const add = async (mime: Mime, base64: string) => {
    const r = await run(() => call('photo.add', { itemId, mime, base64 }), { progress: '正在上传照片…', success: '照片已保存' });
    if (r) await load();
  };
  const onFiles = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      if (!MIMES.includes(f.type)) {
        void message.error({ content: <span data-testid="photo-type-error">「{f.name}」不是照片文件，只能选择 JPG、PNG 或 WebP 格式的图片</span>, duration: 6 });
        continue;
      }
      await add(f.type as Mime, await readAsBase64(f));
    }
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <div>
      {canAdd && (
        <Space style={{ marginBottom: 8 }}>
          <input ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp" multiple hidden data-testid="photo-file" onChange={(e) => void onFiles(e.target.files)} />
          <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => fileRef.current?.click()}>
            选择照片文件
          </Button>
          <Button size="small" icon={<CameraOutlined />} onClick={() => setCam(true)}>
            摄像头拍照
          </Button>
        </Space>
      )}
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无照片" />
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {photos.map((p) => (
              <div key={p.id} style={{ textAlign: 'center' }}>
                <Image width={96} height={72} style={{ objectFit: 'cover' }} src={srcs[p.id]} alt={`照片 ${p.id}`} />
                <div style={{ fontSize: 11, color: '#888' }} title={`SHA-256 ${p.sha256}`}>
                  {fmtTime(p.createdAt)} {p.createdByName}
                </div>
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {cam && (
        <Webcam
          onClose={() => setCam(false)}
          onShot={(b64) => {
            setCam(false);
            void add('image/jpeg', b64);
          }}
        />
      )}
    </div>
  );
}
