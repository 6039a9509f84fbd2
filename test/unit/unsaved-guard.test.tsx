// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Form, Input } from 'antd';
import { useState } from 'react';
import { createMemoryRouter, Link, Route, RouterProvider, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { formSnapshot, UnsavedChangesProvider, useUnsavedForm } from '../../src-renderer/ui/use-unsaved-guard';

const INITIAL = { name: '张伟', phone: '' };

/** A page with a form as the app's pages have one: 关闭 goes through confirmDiscard. */
function EditPage() {
  const [form] = Form.useForm();
  const { confirmDiscard } = useUnsavedForm(form, INITIAL);
  const [closed, setClosed] = useState(false);
  return (
    <Form form={form} initialValues={INITIAL}>
      <Form.Item name="name" label="姓名">
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="手机号">
        <Input />
      </Form.Item>
      <button type="button" onClick={() => confirmDiscard(() => setClosed(true))}>
        关闭
      </button>
      {closed && <span>已关闭</span>}
      <Link to="/other">别处</Link>
    </Form>
  );
}

function renderApp() {
  const router = createMemoryRouter([
    {
      path: '*',
      element: (
        <AntApp>
          <UnsavedChangesProvider>
            <Routes>
              <Route path="/" element={<EditPage />} />
              <Route path="/other" element={<p>别处页面</p>} />
            </Routes>
          </UnsavedChangesProvider>
        </AntApp>
      ),
    },
  ]);
  render(<RouterProvider router={router} />);
  return router;
}

const type = (label: string, value: string) => act(() => fireEvent.change(screen.getByLabelText(label), { target: { value } }));
// A dialog closed a moment ago may still be in the page (its animation): the newest is the last.
const press = (name: string) => act(() => fireEvent.click(screen.getAllByRole('button', { name }).at(-1)!));
const question = () => screen.queryAllByRole('dialog', { name: '放弃修改？' }).at(-1) ?? null;
const asked = async () => (await screen.findAllByRole('dialog', { name: '放弃修改？' })).length;

function unloadPrevented(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

afterEach(cleanup);

describe('unsaved changes', () => {
  it('counts empty, null and missing as the same, and keys in any order', () => {
    expect(formSnapshot({ a: '', b: null, c: undefined })).toBe(formSnapshot({}));
    expect(formSnapshot({ a: 1, b: [{ y: 2, x: '' }] })).toBe(formSnapshot({ b: [{ y: 2 }], a: 1 }));
    expect(formSnapshot({ a: 'x' })).not.toBe(formSnapshot({ a: 'x ' }));
  });

  it('closes at once when nothing changed, or when a change was typed back', async () => {
    renderApp();
    await press('关闭');
    expect(screen.getByText('已关闭')).toBeTruthy();
    cleanup();
    renderApp();
    await type('姓名', '李娜');
    await type('姓名', '张伟');
    await press('关闭');
    expect(screen.getByText('已关闭')).toBeTruthy();
    expect(question()).toBeNull();
  });

  it('asks 放弃修改？ before closing a changed form; 继续编辑 keeps it, 放弃修改 closes', async () => {
    renderApp();
    await type('手机号', '13805351234');
    await press('关闭');
    expect(await asked()).toBe(1);
    await press('继续编辑');
    expect(screen.queryByText('已关闭')).toBeNull();
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('13805351234');
    await press('关闭');
    await waitFor(() => expect(screen.getAllByRole('dialog', { name: '放弃修改？' }).length).toBe(2));
    await press('放弃修改');
    expect(screen.getByText('已关闭')).toBeTruthy();
  });

  it('holds a changed page when a link leads away, until the person agrees', async () => {
    const router = renderApp();
    await type('姓名', '李娜');
    await act(() => fireEvent.click(screen.getByRole('link', { name: '别处' })));
    expect(await asked()).toBe(1);
    expect(router.state.location.pathname).toBe('/');
    await press('继续编辑');
    expect(router.state.location.pathname).toBe('/');
    await act(() => fireEvent.click(screen.getByRole('link', { name: '别处' })));
    await waitFor(() => expect(screen.getAllByRole('dialog', { name: '放弃修改？' }).length).toBe(2));
    await press('放弃修改');
    expect(await screen.findByText('别处页面')).toBeTruthy();
  });

  it('lets a search change on the same page through without asking', async () => {
    const router = renderApp();
    await type('姓名', '李娜');
    await act(() => router.navigate('/?tab=2'));
    expect(router.state.location.search).toBe('?tab=2');
    expect(question()).toBeNull();
  });

  it('asks the browser before the window closes, only while something is unsaved', async () => {
    renderApp();
    expect(unloadPrevented()).toBe(false);
    await type('姓名', '李娜');
    expect(unloadPrevented()).toBe(true);
    await type('姓名', '张伟');
    expect(unloadPrevented()).toBe(false);
  });
});
