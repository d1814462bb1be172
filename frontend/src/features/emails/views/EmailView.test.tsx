import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EmailQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import EmailView from './EmailView';

const EMAIL = {
  data: {
    node: {
      __typename: 'EmailMessage',
      id: 'm1',
      template: 'invite',
      to: ['nina@reseller.example'],
      subject: 'You’re invited to Partner Portal',
      status: 'FAILED',
      attempts: 3,
      lastError: 'Connection refused',
      createdAt: '2026-11-27T01:44:52+00:00',
      sentAt: null,
      textBody: 'Choose your password here:\nhttp://127.0.0.1:8000/set-password?token=abc',
      htmlBody: '<p>Choose your password <a href="http://127.0.0.1:8000/set-password?token=abc">here</a><script>alert(1)</script></p>',
    },
  } as EmailQuery,
};

describe('EmailView', () => {
  it('shows the headers, the text body and the HTML body in a sandboxed frame', () => {
    renderView(<EmailView />, {
      client: mockApi({ Email: EMAIL }).client,
      route: '/emails/:emailId',
      path: '/emails/m1',
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    expect(screen.getByRole('heading', { level: 1, name: 'You’re invited to Partner Portal' })).toBeInTheDocument();
    expect(screen.getByText('nina@reseller.example')).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('Connection refused')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Text body' })).toHaveTextContent(
      'http://127.0.0.1:8000/set-password?token=abc',
    );
    const frame = screen.getByTitle('HTML body of “You’re invited to Partner Portal”');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('set-password?token=abc');
  });
});
