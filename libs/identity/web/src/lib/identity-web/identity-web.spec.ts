import { ComponentFixture, TestBed } from '@angular/core/testing';
import { IdentityWeb } from './identity-web';

describe('IdentityWeb', () => {
  let component: IdentityWeb;
  let fixture: ComponentFixture<IdentityWeb>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [IdentityWeb]
    }).compileComponents();

    fixture = TestBed.createComponent(IdentityWeb);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
