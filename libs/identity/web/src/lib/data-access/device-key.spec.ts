import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@thuchoc/identity/contracts';
import { firstValueFrom } from 'rxjs';
import { DEVICE_KEY_PATTERN, DEVICE_KEY_STORAGE_KEY, deviceKey, toBase64Url } from './device-key';
import { SessionStore } from './session.store';

describe('deviceKey', () => {
  beforeEach(() => localStorage.clear());

  it('makes a 32-byte base64url key once and keeps it for the next sign-in', () => {
    const first = deviceKey();

    expect(first).toMatch(DEVICE_KEY_PATTERN);
    expect(first).toHaveLength(43);
    expect(localStorage.getItem(DEVICE_KEY_STORAGE_KEY)).toBe(first);
    expect(deviceKey()).toBe(first);
  });

  it('gives two browsers different keys', () => {
    const first = deviceKey();
    localStorage.clear();
    expect(deviceKey()).not.toBe(first);
  });

  it('replaces a stored value the server would refuse', () => {
    localStorage.setItem(DEVICE_KEY_STORAGE_KEY, 'short');

    const key = deviceKey();

    expect(key).toMatch(DEVICE_KEY_PATTERN);
    expect(localStorage.getItem(DEVICE_KEY_STORAGE_KEY)).toBe(key);
  });

  it('encodes bytes as unpadded base64url', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(toBase64Url(new Uint8Array([0x61]))).toBe('YQ');
  });
});

describe(SessionStore.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
  });

  it('sends the device key with the credentials when signing in', async () => {
    const backend = TestBed.inject(HttpTestingController);
    const home = firstValueFrom(
      TestBed.inject(SessionStore).login({ username: 'lan', password: 'MatKhau@2026' }),
    );

    const login = backend.expectOne('/api/v1/auth/login');
    expect(login.request.body).toEqual({
      username: 'lan',
      password: 'MatKhau@2026',
      deviceKey: localStorage.getItem(DEVICE_KEY_STORAGE_KEY),
    });
    expect(login.request.body.deviceKey).toMatch(DEVICE_KEY_PATTERN);
    login.flush({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    backend.expectOne('/api/v1/me').flush({ roles: [Role.Learner] });

    await expect(home).resolves.toBe('/learner');
    backend.verify();
  });
});
